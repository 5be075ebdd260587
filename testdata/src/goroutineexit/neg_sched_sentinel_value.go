package goroutineexit

// drainUntilSentinel: the consumer leaves its loop on the value -1, which
// the producer sends last; a model that let the consumer leave on any
// value would report the producer's sends.
func drainUntilSentinel(xs []int) int {
	vals := make(chan int)
	total := make(chan int)
	go func() {
		for _, x := range xs {
			vals <- x
		}
		vals <- -1
	}()
	go func() {
		sum := 0
		for {
			v := <-vals
			if v < 0 {
				break
			}
			sum += v
		}
		total <- sum
	}()
	return <-total
}

// CaseSchedSentinelValue sums three values.
func CaseSchedSentinelValue() {
	_ = drainUntilSentinel([]int{1, 2, 3})
}
