package goroutineexit

// sumTwo receives exactly the two values the sender sends before it
// closes: the close changes nothing, and every path receives both.
func sumTwo(a, b int) int {
	parts := make(chan int)
	go func() {
		defer close(parts)
		parts <- a * a
		parts <- b * b
	}()
	x := <-parts
	y := <-parts
	return x + y
}

// CaseSenderClosesOtherCloser sums once.
func CaseSenderClosesOtherCloser() {
	_ = sumTwo(3, 4)
}
