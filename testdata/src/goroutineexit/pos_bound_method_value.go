package goroutineexit

import (
	"context"
	"time"
)

type thumbnailer struct{ size int }

// scale is started through a method value: the goroutine's body is the
// method bound to t.
func (t *thumbnailer) scale(img []byte, out chan<- []byte) {
	time.Sleep(10 * time.Millisecond)
	out <- img[:min(len(img), t.size)] // want `goroutine blocks forever sending on out`
}

func thumbnail(ctx context.Context, t *thumbnailer, img []byte) ([]byte, error) {
	small := make(chan []byte)
	job := t.scale
	go job(img, small)
	select {
	case b := <-small:
		return b, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// CaseBoundMethodValue cancels the context before asking.
func CaseBoundMethodValue() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = thumbnail(ctx, &thumbnailer{size: 4}, []byte("raw image bytes"))
}
