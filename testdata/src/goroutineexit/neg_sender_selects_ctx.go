package goroutineexit

import (
	"context"
	"time"
)

func renderChart(points int) string {
	time.Sleep(5 * time.Millisecond)
	return "chart with points"
}

// chartCtx has the forgotten-sender shape, but the sender itself selects
// on ctx.Done(): cancelling the context, which the function does on every
// return, releases it.
func chartCtx(parent context.Context, points int) (string, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	charts := make(chan string)
	go func() {
		c := renderChart(points)
		select {
		case charts <- c:
		case <-ctx.Done():
		}
	}()
	select {
	case c := <-charts:
		return c, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseSenderSelectsCtx gives up at once.
func CaseSenderSelectsCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = chartCtx(ctx, 100)
}
