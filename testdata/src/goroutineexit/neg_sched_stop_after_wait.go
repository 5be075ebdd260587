package goroutineexit

import "sync"

// mirrorLog closes the stop channel only after the writer is done: a
// model blind to the WaitGroup would let the reader stop first.
func mirrorLog(lines []string) int {
	entries := make(chan string)
	stop := make(chan struct{})
	count := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, l := range lines {
			entries <- l
		}
	}()
	go func() {
		n := 0
		for {
			select {
			case <-entries:
				n++
			case <-stop:
				count <- n
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	return <-count
}

// CaseSchedStopAfterWait mirrors three lines.
func CaseSchedStopAfterWait() {
	_ = mirrorLog([]string{"a", "b", "c"})
}
