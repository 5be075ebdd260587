package goroutineexit

import (
	"context"
	"time"
)

// uploadBlob gives up when ctx is done, but its caller waits only for the
// acknowledgement, never for ctx.
func uploadBlob(ctx context.Context, blob []byte) int {
	ack := make(chan int)
	go func() {
		select {
		case ack <- len(blob):
		case <-ctx.Done():
			return
		}
	}()
	time.Sleep(20 * time.Millisecond) // stands for preparing the next chunk
	return <-ack                      // want `uploadBlob blocks forever receiving from ack: the goroutine started at line \d+ can return at line \d+ without sending on or closing it`
}

// CaseSkippedSignalChildGivesUp uploads with a context already cancelled.
func CaseSkippedSignalChildGivesUp() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = uploadBlob(ctx, []byte("blob"))
}
