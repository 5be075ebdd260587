package goroutineexit

// firstOverdraft reads one balance per account from a single producer and
// returns at the first negative one: the producer's next send blocks.
func firstOverdraft(balances []int) int {
	vals := make(chan int)
	go func() {
		for _, b := range balances {
			vals <- b // want `^goroutine blocks forever sending on vals in a loop: on the path that returns at line \d+, at most 1 value is received from vals, and vals has no buffer, so a loop that runs more than 1 time blocks on its send$`
		}
	}()
	for i := 0; i < len(balances); i++ {
		if v := <-vals; v < 0 {
			return v
		}
	}
	return 0
}

// CaseCountsRecvLoopProducer finds the overdraft in the first account.
func CaseCountsRecvLoopProducer() {
	_ = firstOverdraft([]int{-5, 10, 20})
}
