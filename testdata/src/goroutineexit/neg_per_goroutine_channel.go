package goroutineexit

// squareFutures starts one goroutine per input, each with its own
// unbuffered channel, and receives from every one of them.
func squareFutures(xs []int) []int {
	futures := make([]chan int, len(xs))
	for i, x := range xs {
		f := make(chan int)
		futures[i] = f
		go func() {
			f <- x * x
		}()
	}
	out := make([]int, len(xs))
	for i, f := range futures {
		out[i] = <-f
	}
	return out
}

// CasePerGoroutineChannel squares three numbers.
func CasePerGoroutineChannel() {
	_ = squareFutures([]int{2, 3, 4})
}
