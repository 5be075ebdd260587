package goroutineexit

// twoOfThree takes two of the three values; the buffer holds the third.
func twoOfThree() int {
	vals := make(chan int, 1)
	go func() {
		for i := range 3 {
			vals <- i * i
		}
	}()
	return <-vals + <-vals
}

// CaseLoopCountsConstTripBuffered sums two.
func CaseLoopCountsConstTripBuffered() {
	_ = twoOfThree()
}
