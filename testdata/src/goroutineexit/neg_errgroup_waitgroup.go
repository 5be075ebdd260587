package goroutineexit

import (
	"errors"
	"sync"
)

var errChecksumMismatch = errors.New("checksum mismatch")

// verifyAll is an errgroup written by hand: every goroutine reports at
// most one error into a channel with room for all of them, and the
// function waits for every goroutine before it looks at the errors.
func verifyAll(blocks []string) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(blocks))
	for _, b := range blocks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(b)%2 == 1 {
				errs <- errChecksumMismatch
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		return err
	}
	return nil
}

// CaseErrgroupWaitGroup verifies three blocks, one of them bad.
func CaseErrgroupWaitGroup() {
	_ = verifyAll([]string{"aa", "bbb", "cccc"})
}
