package rangeclose

// CaseManualOkLoopClosed is the hand-written receive loop with a channel
// that is closed: the !ok branch ends it.
func CaseManualOkLoopClosed() {
	bytes := make(chan int)
	total := make(chan int)
	go func() {
		sum := 0
		for {
			b, ok := <-bytes
			if !ok {
				break
			}
			sum += b
		}
		total <- sum
	}()
	bytes <- 512
	bytes <- 1024
	close(bytes)
	<-total
}
