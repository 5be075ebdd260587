package rangeclose

// CaseProducerGoroutineCloses has the producer goroutine close its output
// with a defer; the range in the caller ends after the last value.
func CaseProducerGoroutineCloses() {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < 4; i++ {
			out <- i * i
		}
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	_ = sum
}
