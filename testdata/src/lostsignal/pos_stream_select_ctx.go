package lostsignal

import (
	"context"
	"time"
)

// ticks sends the time n times, a millisecond apart, and knows nothing
// of its receiver's context.
func ticks(n int) <-chan time.Time {
	out := make(chan time.Time)
	go func() {
		for range n {
			time.Sleep(time.Millisecond)
			out <- time.Now()
		}
		close(out)
	}()
	return out
}

// collect gathers ticks until ctx is done; when it is, ticks' goroutine
// has ticks left to send and nobody to take them.
func collect(ctx context.Context) []time.Time {
	var got []time.Time
	ch := ticks(100) // want `the loop at line 28 stops receiving from the channel returned by ticks before it is closed, on the path that returns at line 35, so the goroutine started at line 12 blocks forever sending its next value`
	for {
		select {
		case t, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, t)
		case <-ctx.Done():
			return got
		}
	}
}

// CaseStreamSelectCtx collects for a few milliseconds.
func CaseStreamSelectCtx() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_ = collect(ctx)
}
