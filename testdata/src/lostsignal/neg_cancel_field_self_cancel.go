package lostsignal

import "context"

// retrier cancels its own context once it has tried enough times.
type retrier struct {
	ctx      context.Context
	cancel   context.CancelFunc
	attempts int
}

func (r *retrier) loop(try func() bool) {
	for {
		select {
		case <-r.ctx.Done():
			return
		default:
		}
		r.attempts++
		if try() || r.attempts >= 3 {
			r.cancel()
		}
	}
}

// retryInBackground keeps nothing of the retrier, which stops itself.
func retryInBackground(try func() bool) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &retrier{ctx: ctx, cancel: cancel}
	go r.loop(try)
}

// CaseCancelFieldSelfCancel retries an operation that always fails.
func CaseCancelFieldSelfCancel() {
	retryInBackground(func() bool { return false })
}
