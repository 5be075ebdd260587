package goroutineexit

// sampleFirst keeps at most two samples of five: the loop stops once the
// buffer is full, before a send could block.
func sampleFirst(values [5]int) int {
	kept := make(chan int, 2)
	for i := 0; i < len(values); i++ {
		if i == 2 {
			break
		}
		kept <- values[i]
	}
	return len(kept)
}

// CaseCountsBufferedLoopBreak samples five values.
func CaseCountsBufferedLoopBreak() {
	_ = sampleFirst([5]int{1, 2, 3, 4, 5})
}
