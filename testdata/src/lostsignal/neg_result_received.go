package lostsignal

// square squares n in a goroutine.
func square(n int) <-chan int {
	out := make(chan int)
	go func() {
		out <- n * n
	}()
	return out
}

// sumOfSquares receives every result it asks for, on every path.
func sumOfSquares(a, b int) int {
	x, y := square(a), square(b)
	if a == b {
		v := <-x
		<-y
		return 2 * v
	}
	return <-x + <-y
}

// CaseResultReceived waits for both goroutines.
func CaseResultReceived() {
	sumOfSquares(3, 4)
	sumOfSquares(2, 2)
}
