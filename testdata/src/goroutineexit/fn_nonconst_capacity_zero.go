package goroutineexit

//oracle:falsenegative the channel's capacity is a parameter, not a constant, so the analyzer cannot tell it is zero here; the forgotten sender then blocks forever

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
		img <- fetchAvatar(user)
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
