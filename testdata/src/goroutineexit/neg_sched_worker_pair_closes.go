package goroutineexit

import "sync"

func squareJob(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * j
	}
}

// sumSquares runs two workers; a closer waits for both before it closes
// the results, which the function ranges over to the end.
func sumSquares(xs []int) int {
	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go squareJob(jobs, results, &wg)
	go squareJob(jobs, results, &wg)
	go func() {
		wg.Wait()
		close(results)
	}()
	go func() {
		for _, x := range xs {
			jobs <- x
		}
		close(jobs)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}

// CaseSchedWorkerPairCloses sums a few squares.
func CaseSchedWorkerPairCloses() {
	_ = sumSquares([]int{1, 2, 3, 4})
}
