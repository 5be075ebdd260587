package lostsignal

import "context"

// produce sends the answer unless ctx is cancelled first: the goroutine
// can always exit on its own.
func produce(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		select {
		case out <- 42:
		case <-ctx.Done():
		}
	}()
	return out
}

// CaseSelectSendCtx drops the channel but cancels the context, which
// releases the goroutine.
func CaseSelectSendCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	produce(ctx)
	cancel()
}
