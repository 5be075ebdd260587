package goroutineexit

import (
	"context"
	"time"
)

func compressChunk(c string) string {
	time.Sleep(2 * time.Millisecond)
	return c[:1]
}

// compressAll: the producer selects on the same ctx as the consumer, so
// whichever gives up first, the other one is released.
func compressAll(ctx context.Context, chunks []string, store func(string)) {
	out := make(chan string)
	go func() {
		for _, c := range chunks {
			select {
			case out <- compressChunk(c):
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		for {
			select {
			case s := <-out:
				store(s)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// CaseSchedSenderSelectsSameCtx compresses with a context already cancelled.
func CaseSchedSenderSelectsSameCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	compressAll(ctx, []string{"abc", "def"}, func(string) {})
	time.Sleep(20 * time.Millisecond)
}
