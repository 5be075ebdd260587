package goroutineexit

// tally runs a counter goroutine that serves increments and queries. Its
// loop has no case that leaves it, and both channels are made here: once
// tally returns, nothing can ever talk to the counter again.
func tally(deltas []int) int {
	incr := make(chan int)
	query := make(chan int)
	go func() {
		total := 0
		for {
			select { // want `goroutine never finishes: its loop has no way out and waits only on incr and query, which nothing sends on once tally returns`
			case n := <-incr:
				total += n
			case query <- total:
			}
		}
	}()
	for _, d := range deltas {
		incr <- d
	}
	return <-query
}

// CaseSelectLoopNoExit counts three deltas.
func CaseSelectLoopNoExit() {
	_ = tally([]int{2, 3, 5})
}
