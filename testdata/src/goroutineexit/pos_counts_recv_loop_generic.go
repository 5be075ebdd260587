package goroutineexit

import "errors"

var errInvalidItem = errors.New("invalid item")

// validateAll checks every item at once and returns the first error it
// reads: the checks not yet read block forever.
func validateAll[T comparable](items []T, check func(T) error) error {
	errc := make(chan error)
	for _, it := range items {
		go func() {
			errc <- check(it) // want `^goroutines started in a loop block forever sending on errc: at most 1 value is received and errc has no buffer, so every goroutine beyond that blocks on this send$`
		}()
	}
	for i := 0; i < len(items); i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// CaseCountsRecvLoopGeneric validates three invalid ids.
func CaseCountsRecvLoopGeneric() {
	_ = validateAll([]int{1, 2, 3}, func(int) error { return errInvalidItem })
}
