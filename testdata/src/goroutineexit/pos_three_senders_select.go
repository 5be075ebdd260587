package goroutineexit

import (
	"context"
	"time"
)

// voteDelay is how long each replica takes to vote: the first well before
// the deadline of CaseThreeSendersSelect, the others well after it, so
// that a loaded machine does not change which vote is left blocked.
var voteDelay = map[int]time.Duration{1: 20 * time.Millisecond, 2: 800 * time.Millisecond, 3: 1200 * time.Millisecond}

func quorumVote(replica int) bool {
	time.Sleep(voteDelay[replica])
	return true
}

// quorum needs two of three votes, but gives up when ctx is done; a vote
// that arrives after that, or the third one, finds nobody to take it.
func quorum(ctx context.Context) bool {
	votes := make(chan bool, 1)
	go func() { votes <- quorumVote(1) }()
	go func() { votes <- quorumVote(2) }()
	go func() { votes <- quorumVote(3) }() // want `one of 3 goroutines blocks forever sending on votes: they send 3 values, and if the select at line 26 takes <-ctx\.Done\(\), at most 0 are received and votes has a buffer of 1`
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
	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	_ = quorum(ctx)
}
