package lostsignal

// countTo sends 1..n on the returned channel and then closes it.
func countTo(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

// CaseGeneratorAbandonedByBreak stops reading at the first value above 2:
// the generator blocks forever on its next send.
func CaseGeneratorAbandonedByBreak() {
	for v := range countTo(10) { // want `the loop at line 18 stops receiving from the channel returned by countTo before it is closed, on the path that reaches the end of CaseGeneratorAbandonedByBreak at line 23, so the goroutine started at line 6 blocks forever sending its next value`
		if v > 2 {
			break
		}
	}
}
