package goroutineexit

import (
	"strings"
	"sync"
)

// upperAll runs a worker pool that ranges over its input; the input is
// closed after the last job, so every worker's range ends.
func upperAll(words []string) []string {
	jobs := make(chan int)
	out := make([]string, len(words))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = strings.ToUpper(words[i])
			}
		}()
	}
	for i := range words {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// CaseWorkerPoolClosedInput upper-cases five words.
func CaseWorkerPoolClosedInput() {
	_ = upperAll([]string{"a", "b", "c", "d", "e"})
}
