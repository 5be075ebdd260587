package rangeclose

import "context"

// CaseSelectCtxDone receives in a select loop that also watches
// ctx.Done(); it is no range over the channel, and cancel ends it.
func CaseSelectCtxDone() {
	ctx, cancel := context.WithCancel(context.Background())
	msgs := make(chan string)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case m := <-msgs:
				_ = m
			case <-ctx.Done():
				return
			}
		}
	}()
	msgs <- "hello"
	msgs <- "world"
	cancel()
	<-stopped
}
