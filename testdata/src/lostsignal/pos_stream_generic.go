package lostsignal

// each streams xs on an unbuffered channel.
func each[T any](xs []T) <-chan T {
	ch := make(chan T)
	go func() {
		for _, x := range xs {
			ch <- x
		}
		close(ch)
	}()
	return ch
}

// indexOf returns the position of want in xs, reading each's stream
// until it finds it.
func indexOf[T comparable](xs []T, want T) int {
	i := 0
	for x := range each(xs) { // want `the loop at line 19 stops receiving from the channel returned by each before it is closed, on the path that returns at line 21, so the goroutine started at line 6 blocks forever sending its next value`
		if x == want {
			return i
		}
		i++
	}
	return -1
}

// CaseStreamGeneric finds 2 among four numbers.
func CaseStreamGeneric() {
	_ = indexOf([]int{1, 2, 3, 4}, 2)
}
