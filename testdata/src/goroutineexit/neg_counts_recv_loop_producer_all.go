package goroutineexit

// sumBalances reads exactly one balance per account from its producer:
// nothing is left to send when it returns.
func sumBalances(balances []int) int {
	vals := make(chan int)
	go func() {
		for _, b := range balances {
			vals <- b
		}
	}()
	total := 0
	for range balances {
		total += <-vals
	}
	return total
}

// CaseCountsRecvLoopProducerAll sums three accounts.
func CaseCountsRecvLoopProducerAll() {
	_ = sumBalances([]int{-5, 10, 20})
}
