//go:build go1.27

package goroutineexit

import (
	"context"
	"time"
)

// prober asks its backends; probe has a type parameter of its own (a
// generic method, Go 1.27).
type prober struct{ delay time.Duration }

// probe starts a goroutine that computes the answer, and gives up as soon
// as ctx is done: nobody is then left to receive.
func (p *prober) probe[T any](ctx context.Context, get func() T) (T, error) {
	ch := make(chan T)
	go func() {
		time.Sleep(p.delay)
		ch <- get() // want `goroutine blocks forever sending on ch: if the select takes <-ctx\.Done\(\), nothing receives from ch`
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// CaseGenericMethod probes with a cancelled context.
func CaseGenericMethod() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &prober{delay: time.Millisecond}
	_, _ = p.probe(ctx, func() int { return 42 })
}
