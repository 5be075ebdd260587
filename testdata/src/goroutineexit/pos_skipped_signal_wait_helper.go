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
func awaitSnapshot(taken <-chan struct{}) {
	<-taken // want `snapshot blocks forever in awaitSnapshot receiving from taken: the goroutine started at line \d+ can return at line \d+ without sending on or closing it`
}

// snapshot waits for the snapshot goroutine, which gives up while busy
// without closing taken.
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
