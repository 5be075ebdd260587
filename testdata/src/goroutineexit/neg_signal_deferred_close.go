package goroutineexit

import "errors"

var errEmptyBatch = errors.New("empty batch")

func flushBatch(batch []int) error {
	if len(batch) == 0 {
		return errEmptyBatch
	}
	return nil
}

// flushAndWait closes flushed on the way out, whichever way that is.
func flushAndWait(batch []int) {
	flushed := make(chan struct{})
	go func() {
		defer close(flushed)
		if err := flushBatch(batch); err != nil {
			return
		}
	}()
	<-flushed
}

// CaseSignalDeferredClose flushes an empty batch.
func CaseSignalDeferredClose() {
	flushAndWait(nil)
}
