package goroutineexit

import (
	"context"
	"time"
)

// computeChecksum is the goroutine's body, a named function that sends
// its one result on out.
func computeChecksum(data []byte, out chan<- uint32) {
	time.Sleep(20 * time.Millisecond)
	var sum uint32
	for _, b := range data {
		sum = sum*31 + uint32(b)
	}
	out <- sum // want `goroutine blocks forever sending on out: if the select takes <-ctx\.Done\(\), nothing receives from`
}

func checksumWithDeadline(ctx context.Context, data []byte) (uint32, error) {
	sums := make(chan uint32)
	go computeChecksum(data, sums)
	select {
	case s := <-sums:
		return s, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// CaseNamedFuncBody gives the checksum a deadline far shorter than it
// takes.
func CaseNamedFuncBody() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = checksumWithDeadline(ctx, []byte("payload"))
}
