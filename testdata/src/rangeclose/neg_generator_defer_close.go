package rangeclose

// countTo returns a channel that yields 1..n and is then closed by the
// goroutine that fills it.
func countTo(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

// CaseGeneratorDeferClose ranges over a channel returned by a generator
// that closes it.
func CaseGeneratorDeferClose() {
	sum := 0
	for v := range countTo(5) {
		sum += v
	}
	_ = sum
}
