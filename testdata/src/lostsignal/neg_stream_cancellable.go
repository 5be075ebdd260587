package lostsignal

// countdown streams n..1 until done is closed: a receiver that stops
// early closes done, and the goroutine's select takes it.
func countdown(n int, done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := n; i > 0; i-- {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

// untilSmall stops reading at 3 and releases the goroutine through done.
func untilSmall() int {
	done := make(chan struct{})
	defer close(done)
	for v := range countdown(10, done) {
		if v <= 3 {
			return v
		}
	}
	return 0
}

// pair receives exactly the two values two goroutines send, with plain
// receives: a fixed number of receives may take every value.
func pair() (int, int) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { ch <- 2 }()
	return <-ch, <-ch
}

// buffered streams into a buffer that holds every value: stopping early
// leaves nothing blocked.
func buffered(xs []int) <-chan int {
	out := make(chan int, 3)
	go func() {
		for _, x := range xs[:min(len(xs), 3)] {
			out <- x
		}
		close(out)
	}()
	return out
}

func firstOdd(xs []int) int {
	for x := range buffered(xs) {
		if x%2 == 1 {
			return x
		}
	}
	return 0
}

// CaseStreamCancellable runs the three.
func CaseStreamCancellable() {
	_ = untilSmall()
	_, _ = pair()
	_ = firstOdd([]int{1, 2, 3, 4})
}
