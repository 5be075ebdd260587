package goroutineexit

import (
	"context"
	"time"
)

func computeDiff(a, b string) int {
	time.Sleep(2 * time.Millisecond)
	return len(a) - len(b)
}

// diffCtx stops waiting for the result when ctx is done, but still drains
// the channel before it returns, so the sender always finds a receiver.
func diffCtx(ctx context.Context, a, b string) (int, error) {
	diffs := make(chan int)
	go func() {
		diffs <- computeDiff(a, b)
	}()
	select {
	case d := <-diffs:
		return d, nil
	case <-ctx.Done():
		<-diffs
		return 0, ctx.Err()
	}
}

// CaseDrainOnCancel cancels first.
func CaseDrainOnCancel() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = diffCtx(ctx, "left", "right")
}
