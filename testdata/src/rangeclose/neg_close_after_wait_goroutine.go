package rangeclose

import "sync"

// CaseCloseAfterWaitGoroutine has several producers; a separate goroutine
// waits for all of them and then closes the channel the caller ranges over.
func CaseCloseAfterWaitGoroutine() {
	lines := make(chan string)
	var wg sync.WaitGroup
	for _, f := range []string{"a.log", "b.log", "c.log"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			lines <- name + ": ok"
		}(f)
	}
	go func() {
		wg.Wait()
		close(lines)
	}()
	n := 0
	for range lines {
		n++
	}
	_ = n
}
