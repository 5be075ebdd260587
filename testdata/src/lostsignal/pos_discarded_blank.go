package lostsignal

import "errors"

// flush writes out the buffered records in a goroutine and reports the
// outcome on the returned channel.
func flush(records []string) chan error {
	errc := make(chan error)
	go func() {
		if len(records) == 0 {
			errc <- errors.New("nothing to flush")
			return
		}
		errc <- nil
	}()
	return errc
}

// CaseDiscardedBlank assigns the error channel to the blank identifier:
// the flush goroutine's error is lost and the goroutine blocks forever.
func CaseDiscardedBlank() {
	_ = flush([]string{"a", "b"}) // want `the channel returned by flush is discarded`
}
