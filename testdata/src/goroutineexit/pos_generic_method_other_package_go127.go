//go:build go1.27

package goroutineexit

import (
	"context"
	"time"

	"goroutineexit/remote"
)

// askService starts an instance of the generic method remote.Service.Answer
// and stops listening when ctx is done.
func askService(ctx context.Context, s *remote.Service) (string, error) {
	answer := make(chan string)
	go s.Answer(answer, func() string { return "pong" }) // want `goroutine blocks forever sending on answer: if the select takes <-ctx\.Done\(\), nothing receives from answer in`
	select {
	case a := <-answer:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseGenericMethodOtherPackage asks with a cancelled context.
func CaseGenericMethodOtherPackage() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = askService(ctx, &remote.Service{Delay: time.Millisecond})
}
