package goroutineexit

import "errors"

var errSnapshotBusy = errors.New("snapshot busy")

func takeSnapshot(busy bool) error {
	if busy {
		return errSnapshotBusy
	}
	return nil
}

// awaitSnapshot waits for the signal in a helper.
func awaitSnapshot(taken <-chan struct{}) { <-taken } // want `snapshot blocks forever receiving from taken: the goroutine started at line 21 returns at line 23, and nothing else sends on or closes taken`

// snapshot waits through a helper for a signal that the snapshot
// goroutine skips when busy.
func snapshot(busy bool) {
	taken := make(chan struct{})
	go func() {
		if err := takeSnapshot(busy); err != nil {
			return
		}
		close(taken)
	}()
	awaitSnapshot(taken)
}

// CaseSkippedSignalWaitHelper snapshots while busy.
func CaseSkippedSignalWaitHelper() {
	snapshot(true)
}
