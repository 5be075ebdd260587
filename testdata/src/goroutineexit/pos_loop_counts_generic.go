package goroutineexit

// firstEqual streams xs through a small buffer and stops reading at the
// first match: with more than three elements after it, the streamer is
// left blocked on its send.
func firstEqual[T comparable](xs []T, want T) (T, bool) {
	stream := make(chan T, 2)
	go func() {
		defer close(stream)
		for _, x := range xs {
			stream <- x // want `goroutine blocks forever sending on stream in a loop: on the path that returns at line 16, at most 1 value is received from stream, and stream has a buffer of 2, so a loop that runs more than 3 times blocks on its send`
		}
	}()
	for x := range stream {
		if x == want {
			return x, true
		}
	}
	var zero T
	return zero, false
}

// CaseLoopCountsGeneric finds the first of six words.
func CaseLoopCountsGeneric() {
	_, _ = firstEqual([]string{"a", "b", "c", "d", "e", "f"}, "a")
}
