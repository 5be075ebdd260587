package goroutineexit

import (
	"context"
	"time"
)

func fetchAvatar(user string) []byte {
	time.Sleep(5 * time.Millisecond)
	return []byte(user)
}

// avatarCtx buffers its result channel by a configurable amount, which
// the caller sets to zero.
func avatarCtx(ctx context.Context, user string, buffer int) ([]byte, error) {
	img := make(chan []byte, buffer)
	go func() {
		img <- fetchAvatar(user) // want `goroutine blocks forever sending on img: if the select takes <-ctx\.Done\(\), nothing receives from img, when avatarCtx is called with a buffer of 0 at line 32`
	}()
	select {
	case b := <-img:
		return b, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// CaseNonconstCapacityZero gives up at once with an unbuffered channel.
func CaseNonconstCapacityZero() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = avatarCtx(ctx, "gopher", 0)
}
