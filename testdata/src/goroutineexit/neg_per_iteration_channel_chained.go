package goroutineexit

// relaySum starts one stage per value; each stage's channel is received
// by the next iteration through last, and the final one after the loop.
func relaySum(vals []int) int {
	total := 0
	var last chan int
	for _, v := range vals {
		stage := make(chan int)
		go func() {
			stage <- v * 2
		}()
		if last != nil {
			total += <-last
		}
		last = stage
	}
	if last != nil {
		total += <-last
	}
	return total
}

// CasePerIterationChannelChained sums three values.
func CasePerIterationChannelChained() {
	_ = relaySum([]int{1, 2, 3})
}
