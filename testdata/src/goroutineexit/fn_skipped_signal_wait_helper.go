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
func awaitSnapshot(taken <-chan struct{}) { <-taken }

//oracle:falsenegative the maker waits through a helper of the package: only a plain receive in the maker's own body is counted, so that the snapshot goroutine can skip the signal goes unreported
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
