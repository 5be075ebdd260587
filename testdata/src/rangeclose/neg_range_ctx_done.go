package rangeclose

import "context"

// CaseRangeCtxDone ranges over a channel that the standard library makes
// and closes: ctx.Done() is closed by cancel.
func CaseRangeCtxDone() {
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for range ctx.Done() {
		}
	}()
	cancel()
	<-finished
}
