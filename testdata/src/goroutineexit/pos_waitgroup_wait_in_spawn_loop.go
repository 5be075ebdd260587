package goroutineexit

import "sync"

// warmCaches counts every cache up front, then waits inside the loop that
// starts one warmer per cache: at the first Wait one warmer has started and
// the counter still holds the others.
func warmCaches(caches []string, warm func(string)) {
	var wg sync.WaitGroup
	wg.Add(len(caches))
	for _, c := range caches {
		go func() {
			defer wg.Done()
			warm(c)
		}()
		wg.Wait() // want `wg\.Wait blocks forever when len\(caches\) > 1: wg\.Add\(len\(caches\)\) counts every element, but only one goroutine has started`
	}
}

// CaseWaitgroupWaitInSpawnLoop warms three caches.
func CaseWaitgroupWaitInSpawnLoop() {
	go warmCaches([]string{"users", "groups", "tokens"}, func(string) {})
}
