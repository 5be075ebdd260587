package lostsignal

import (
	"sync"
	"time"
)

//oracle:goleak the goroutine sleeps rather than blocks: judged by the goroutine still running after the case returned

// prefetch prefetches keys with WaitGroup.Go, but returns early without
// waiting when the budget is exhausted.
func prefetch(keys []string, budget int) int {
	var wg sync.WaitGroup
	n := 0
	for _, k := range keys {
		if n == budget {
			return n
		}
		wg.Go(func() { // want `wg.Wait is not called on the path that returns at line 17: the goroutine started by wg.Go is never waited for and outlives prefetch`
			time.Sleep(10 * time.Second)
			_ = k
		})
		n++
	}
	wg.Wait()
	return n
}

// CaseWaitgroupGoEarlyReturn exhausts the budget after one key.
func CaseWaitgroupGoEarlyReturn() {
	prefetch([]string{"a", "b"}, 1)
}
