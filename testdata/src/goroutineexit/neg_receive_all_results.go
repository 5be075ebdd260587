package goroutineexit

// sumSquaresParallel starts one goroutine per input and receives exactly
// as many values as it started goroutines.
func sumSquaresParallel(xs []int) int {
	squares := make(chan int)
	for _, x := range xs {
		go func() {
			squares <- x * x
		}()
	}
	total := 0
	for range xs {
		total += <-squares
	}
	return total
}

// CaseReceiveAllResults sums four squares.
func CaseReceiveAllResults() {
	_ = sumSquaresParallel([]int{1, 2, 3, 4})
}
