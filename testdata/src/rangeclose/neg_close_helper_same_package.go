package rangeclose

// CaseCloseHelperSamePackage closes the channel through a helper of this
// package that closes its parameter.
func CaseCloseHelperSamePackage() {
	batch := make(chan int)
	total := make(chan int)
	go func() {
		s := 0
		for v := range batch {
			s += v
		}
		total <- s
	}()
	for i := 1; i <= 3; i++ {
		batch <- i
	}
	finishBatch(batch)
	<-total
}

func finishBatch(ch chan<- int) {
	close(ch)
}
