package goroutineexit

import (
	"context"
	"time"
)

func renderThumb(name string) string {
	time.Sleep(5 * time.Millisecond)
	return "thumb:" + name
}

// thumbCtx sizes its result channel by slack; every caller in the package
// leaves room for the one value.
func thumbCtx(ctx context.Context, name string, slack int) (string, error) {
	out := make(chan string, slack)
	go func() {
		out <- renderThumb(name)
	}()
	select {
	case t := <-out:
		return t, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseNonconstCapacityEnough gives up at once, with a buffer of 1.
func CaseNonconstCapacityEnough() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = thumbCtx(ctx, "cat.png", 1)
	_, _ = thumbCtx(context.Background(), "dog.png", 2)
}
