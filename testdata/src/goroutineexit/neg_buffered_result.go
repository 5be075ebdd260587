package goroutineexit

import (
	"context"
	"time"
)

func geocode(addr string) string {
	time.Sleep(5 * time.Millisecond)
	return addr + " -> 48.85,2.35"
}

// geocodeCtx has the forgotten-sender shape, but its channel has room for
// the one result: the send never blocks, the goroutine finishes and the
// value is collected with the channel.
func geocodeCtx(ctx context.Context, addr string) (string, error) {
	coords := make(chan string, 1)
	go func() {
		coords <- geocode(addr)
	}()
	select {
	case c := <-coords:
		return c, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseBufferedResult gives up at once.
func CaseBufferedResult() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = geocodeCtx(ctx, "Paris")
}
