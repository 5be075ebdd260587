package goroutineexit

import (
	"context"
	"time"
)

func encodeFrame(f int) []byte {
	time.Sleep(2 * time.Millisecond)
	return []byte{byte(f)}
}

// streamFrames has the sibling shape, but the consumer that gives up on
// ctx drains the frames until the producer closes the channel.
func streamFrames(ctx context.Context, frames []int, sink func([]byte)) {
	encoded := make(chan []byte)
	go func() {
		for _, f := range frames {
			encoded <- encodeFrame(f)
		}
		close(encoded)
	}()
	go func() {
		for {
			select {
			case b, ok := <-encoded:
				if !ok {
					return
				}
				sink(b)
			case <-ctx.Done():
				for range encoded {
				}
				return
			}
		}
	}()
}

// CaseSchedConsumerDrainsOnCancel streams with a context already cancelled.
func CaseSchedConsumerDrainsOnCancel() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	streamFrames(ctx, []int{1, 2, 3}, func([]byte) {})
	time.Sleep(30 * time.Millisecond)
}
