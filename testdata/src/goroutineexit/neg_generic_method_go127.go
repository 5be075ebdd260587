//go:build go1.27

package goroutineexit

import (
	"context"
	"time"

	"goroutineexit/remote"
)

// askAll starts an instance of the generic method remote.Service.Answer
// and waits for the answer: the send always has its receiver.
func askAll(s *remote.Service) int {
	answer := make(chan int)
	go s.Answer(answer, func() int { return 7 })
	return <-answer
}

// fetchLocal is the generic method of pos_generic_method_go127.go with a
// buffered channel: the goroutine can always send and end.
func (p *prober) fetchLocal[T any](ctx context.Context, get func() T) (T, error) {
	ch := make(chan T, 1)
	go func() {
		ch <- get()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// CaseGenericMethodNoLeak runs both, the second with a cancelled context.
func CaseGenericMethodNoLeak() {
	_ = askAll(&remote.Service{Delay: time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &prober{}
	_, _ = p.fetchLocal(ctx, func() string { return "x" })
	time.Sleep(5 * time.Millisecond)
}
