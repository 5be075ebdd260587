package goroutineexit

import (
	"context"

	"goroutineexit/remote"
)

// ping starts remote.Reply, which sends one answer, and stops listening
// when ctx is done.
func ping(ctx context.Context) (string, error) {
	answer := make(chan string)
	go remote.Reply(answer) // want `goroutine blocks forever sending on answer: if the select takes <-ctx\.Done\(\), nothing receives from answer in remote\.Reply`
	select {
	case a := <-answer:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseOtherPackageBody pings with a cancelled context.
func CaseOtherPackageBody() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = ping(ctx)
}
