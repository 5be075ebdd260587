package goroutineexit

import "errors"

var errIndexCorrupt = errors.New("index corrupt")

func rebuildIndex(segments []string) error {
	if len(segments) == 0 {
		return errIndexCorrupt
	}
	return nil
}

// reindexSegments waits for the background rebuild to say it finished; the
// rebuild gives up on a corrupt index without saying anything.
func reindexSegments(segments []string) {
	finished := make(chan struct{})
	go func() {
		if err := rebuildIndex(segments); err != nil {
			return
		}
		close(finished)
	}()
	<-finished // want `reindexSegments blocks forever receiving from finished: the goroutine started at line \d+ can return at line \d+ without sending on or closing it`
}

// CaseSkippedSignalErrorPath rebuilds an empty index.
func CaseSkippedSignalErrorPath() {
	reindexSegments(nil)
}
