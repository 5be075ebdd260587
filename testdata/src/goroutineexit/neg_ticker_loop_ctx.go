package goroutineexit

import (
	"context"
	"sync/atomic"
	"time"
)

// heartbeat ticks until ctx is done: its loop waits on a ticker and a
// context, neither of which the function made with make.
func heartbeat(ctx context.Context, beats *atomic.Int32) <-chan struct{} {
	stopped := make(chan struct{})
	t := time.NewTicker(time.Millisecond)
	go func() {
		defer close(stopped)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				beats.Add(1)
			case <-ctx.Done():
				return
			}
		}
	}()
	return stopped
}

// CaseTickerLoopCtx lets it beat a few times, cancels, and waits for it.
func CaseTickerLoopCtx() {
	var beats atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	stopped := heartbeat(ctx, &beats)
	time.Sleep(5 * time.Millisecond)
	cancel()
	<-stopped
}
