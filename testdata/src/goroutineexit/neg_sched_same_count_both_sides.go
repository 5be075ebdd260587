package goroutineexit

// mirrorTicks: the producer and the consumer run the same number of
// iterations, n; a model that let one loop stop early would report the
// other, but both loops run n times on every run.
func mirrorTicks(n int) {
	ticks := make(chan int)
	done := make(chan struct{})
	go func() {
		for i := range n {
			ticks <- i
		}
	}()
	go func() {
		for range n {
			<-ticks
		}
		close(done)
	}()
	<-done
}

// CaseSchedSameCountBothSides mirrors three ticks.
func CaseSchedSameCountBothSides() {
	mirrorTicks(3)
}
