package lostsignal

// pairOf sends a and b, in that order.
func pairOf(a, b int) chan int {
	ch := make(chan int)
	go func() {
		ch <- a
		ch <- b
	}()
	return ch
}

// sumPair receives both values on every path.
func sumPair(a, b int) int {
	ch := pairOf(a, b)
	x := <-ch
	return x + <-ch
}

// sumLoop receives them in a counted loop: the count is the loop's, which
// the analysis does not read, so it stays silent.
func sumLoop(a, b int) int {
	ch := pairOf(a, b)
	n := 0
	for range 2 {
		n += <-ch
	}
	return n
}

// bufferedPair holds both values in its buffer: one receive leaves
// nothing blocked.
func bufferedPair(a, b int) chan int {
	ch := make(chan int, 2)
	go func() {
		ch <- a
		ch <- b
	}()
	return ch
}

func firstOfPair(a, b int) int {
	return <-bufferedPair(a, b)
}

// CaseFewerReceivesCounted runs the three.
func CaseFewerReceivesCounted() {
	_ = sumPair(1, 2)
	_ = sumLoop(3, 4)
	_ = firstOfPair(5, 6)
}
