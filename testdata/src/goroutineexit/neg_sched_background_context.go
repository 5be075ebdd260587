package goroutineexit

import (
	"context"
	"time"
)

func drawThumb(n int) int {
	time.Sleep(time.Millisecond)
	return n * 2
}

// consumeThumbs takes thumbnails until the channel is closed, or gives
// up when ctx is done.
func consumeThumbs(ctx context.Context, thumbs <-chan int, keep func(int)) {
	for {
		select {
		case t, ok := <-thumbs:
			if !ok {
				return
			}
			keep(t)
		case <-ctx.Done():
			return
		}
	}
}

// renderThumbs hands the consumer a context that is never done: its
// select on ctx.Done() can never give up, so the renderer always finds it.
func renderThumbs(sizes []int) {
	thumbs := make(chan int)
	go func() {
		for _, s := range sizes {
			thumbs <- drawThumb(s)
		}
		close(thumbs)
	}()
	go consumeThumbs(context.Background(), thumbs, func(int) {})
}

// CaseSchedBackgroundContext renders three thumbnails.
func CaseSchedBackgroundContext() {
	renderThumbs([]int{1, 2, 3})
	time.Sleep(20 * time.Millisecond)
}
