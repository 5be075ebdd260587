package lostsignal

import "context"

// relay forwards events until its input is closed or its context is done.
type relay struct {
	ctx    context.Context
	cancel context.CancelFunc
	in     <-chan int
	total  int
}

func (r *relay) pump() {
	for {
		select {
		case v, ok := <-r.in:
			if !ok {
				return
			}
			r.total += v
		case <-r.ctx.Done():
			return
		}
	}
}

// startRelay keeps nothing of the relay, which ends when in is closed.
func startRelay(in <-chan int) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &relay{ctx: ctx, cancel: cancel, in: in}
	go r.pump()
}

// CaseCancelFieldOtherExit relays one value and closes the input.
func CaseCancelFieldOtherExit() {
	in := make(chan int)
	startRelay(in)
	in <- 1
	close(in)
}
