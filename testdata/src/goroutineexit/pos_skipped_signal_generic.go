package goroutineexit

import "errors"

var errCacheMiss = errors.New("cache miss")

// awaitValue runs fetch in the background and waits for its value; a
// failing fetch leaves the waiter with nothing.
func awaitValue[T any](fetch func() (T, error)) T {
	got := make(chan T)
	go func() {
		v, err := fetch()
		if err != nil {
			return
		}
		got <- v
	}()
	return <-got // want `awaitValue blocks forever receiving from got: the goroutine started at line \d+ can return at line \d+ without sending on or closing it`
}

// CaseSkippedSignalGeneric waits for a value that misses the cache.
func CaseSkippedSignalGeneric() {
	_ = awaitValue(func() (string, error) { return "", errCacheMiss })
}
