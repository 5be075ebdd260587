package lostsignal

import "sync"

// squares computes squares in goroutines and closes the results channel
// once a separate goroutine has waited for all of them.
func squares(ns []int) <-chan int {
	results := make(chan int, len(ns))
	var wg sync.WaitGroup
	for _, n := range ns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- n * n
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

// CaseWaitgroupWaitInGoroutine drains the results.
func CaseWaitgroupWaitInGoroutine() {
	for range squares([]int{1, 2, 3}) {
	}
}
