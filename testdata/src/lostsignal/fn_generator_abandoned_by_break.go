package lostsignal

//oracle:falsenegative the generator sends many values and the caller receives some of them in a loop before breaking out; how many receives would release the goroutine is unknown, so only a fully discarded channel of a multi-send goroutine is reported

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
	for v := range countTo(10) {
		if v > 2 {
			break
		}
	}
}
