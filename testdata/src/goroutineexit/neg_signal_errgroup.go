package goroutineexit

import (
	"errors"

	"golang.org/x/sync/errgroup"
)

var errBadChecksum = errors.New("bad checksum")

// verifySums hands its result through a buffered channel filled by the
// group's goroutine on success; the group's Wait, not the channel, says
// when to stop waiting, and the channel is read only when it holds a value.
func verifySums(sums []uint32) (int, error) {
	var g errgroup.Group
	count := make(chan int, 1)
	g.Go(func() error {
		for _, s := range sums {
			if s == 0 {
				return errBadChecksum
			}
		}
		count <- len(sums)
		return nil
	})
	if err := g.Wait(); err != nil {
		return 0, err
	}
	return <-count, nil
}

// CaseSignalErrgroup verifies a bad and a good set of sums.
func CaseSignalErrgroup() {
	_, _ = verifySums([]uint32{0})
	_, _ = verifySums([]uint32{1, 2})
}
