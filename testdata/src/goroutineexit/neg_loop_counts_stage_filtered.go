package goroutineexit

// smallOnly runs a filtering stage on one value below the limit: the send
// is guarded by "v < limit", which is no loop counter, so the stage sends
// as often as it is fed, once here.
func smallOnly(v, limit int) int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for {
			x, ok := <-in
			if !ok {
				return
			}
			if x < limit {
				out <- x
			}
		}
	}()
	in <- v
	close(in)
	return <-out
}

// CaseLoopCountsStageFiltered filters once.
func CaseLoopCountsStageFiltered() {
	_ = smallOnly(1, 10)
}
