package goroutineexit

import (
	"context"
	"time"
)

func quorumVote(replica int) bool {
	time.Sleep(time.Duration(replica) * 40 * time.Millisecond)
	return true
}

// quorum needs two of three votes, but gives up when ctx is done; a vote
// that arrives after that, or the third one, finds nobody to take it.
func quorum(ctx context.Context) bool {
	votes := make(chan bool, 1)
	go func() { votes <- quorumVote(1) }()
	go func() { votes <- quorumVote(2) }()
	go func() { votes <- quorumVote(3) }() // want `one of 3 goroutines blocks forever sending on votes: they send 3 values, and if the select at line 21 takes <-ctx\.Done\(\), at most 0 are received and votes has a buffer of 1`
	got := 0
	select {
	case v := <-votes:
		if v {
			got++
		}
	case <-ctx.Done():
		return false
	}
	select {
	case v := <-votes:
		if v {
			got++
		}
	case <-ctx.Done():
		return false
	}
	return got == 2
}

// CaseThreeSendersSelect gives up after the first vote: the second vote
// fills the buffer, and the third is left blocked.
func CaseThreeSendersSelect() {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	_ = quorum(ctx)
}
