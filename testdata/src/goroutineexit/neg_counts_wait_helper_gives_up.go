package goroutineexit

import (
	"errors"
	"time"
)

var errCompactBusy = errors.New("compaction busy")

func compactSegments(busy bool) error {
	if busy {
		return errCompactBusy
	}
	return nil
}

// awaitCompaction waits for the signal, but not longer than a deadline: it
// never blocks forever, whatever the goroutine does.
func awaitCompaction(compacted <-chan struct{}) bool {
	select {
	case <-compacted:
		return true
	case <-time.After(20 * time.Millisecond):
		return false
	}
}

// compact waits through a helper that gives up on a deadline.
func compact(busy bool) bool {
	compacted := make(chan struct{})
	go func() {
		if err := compactSegments(busy); err != nil {
			return
		}
		close(compacted)
	}()
	return awaitCompaction(compacted)
}

// CaseCountsWaitHelperGivesUp compacts while busy and while idle.
func CaseCountsWaitHelperGivesUp() {
	_ = compact(true)
	_ = compact(false)
}
