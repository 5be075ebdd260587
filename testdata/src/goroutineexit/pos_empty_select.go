package goroutineexit

import "sync/atomic"

var warmedEntries atomic.Int32

// warmCache fills the cache in the background and then parks the goroutine
// with an empty select, as if it were main: it never finishes.
func warmCache(keys []string) {
	go func() {
		for range keys {
			warmedEntries.Add(1)
		}
		select {} // want `goroutine blocks forever: a select with no cases never proceeds`
	}()
}

// CaseEmptySelect warms two keys.
func CaseEmptySelect() {
	warmCache([]string{"a", "b"})
}
