package rangeclose

import "sync"

// CaseWaitGroupPool is the worker pool done right: the input is closed
// after the last job and a WaitGroup waits for the workers to leave their
// loops.
func CaseWaitGroupPool() {
	jobs := make(chan int)
	results := make(chan int, 16)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 2
			}
		}()
	}
	for i := 0; i < 10; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	_ = sum
}
