package goroutineexit

import (
	"context"
	"time"
)

// probeTwice waits for a dial result twice: a first short look that may
// time out and look again, then a second wait bounded by ctx. Only the
// second select gives up on result for good, and the message names it.
// (Reduced from a dialer test in a popular RPC library.)
func probeTwice(ctx context.Context) error {
	result := make(chan error)
	go func() {
		time.Sleep(300 * time.Millisecond)
		result <- nil // want `goroutine blocks forever sending on result: if the select at line 23 takes <-ctx.Done\(\), nothing receives from result`
	}()
	select {
	case err := <-result:
		return err
	case <-time.After(time.Millisecond):
	}
	select {
	case err := <-result:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// CaseTwoSelectsLastGivesUp gives the dial 5ms in all.
func CaseTwoSelectsLastGivesUp() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_ = probeTwice(ctx)
}
