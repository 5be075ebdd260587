package rangeclose

import "sync"

// CaseInboxesClosedInLoop gives each worker an inbox kept in a slice,
// deals the jobs round-robin and, when done, closes every inbox in a loop
// over the slice: each worker's range ends.
func CaseInboxesClosedInLoop() {
	var wg sync.WaitGroup
	inboxes := make([]chan int, 3)
	for i := range inboxes {
		inboxes[i] = make(chan int)
		wg.Add(1)
		go func(in <-chan int) {
			defer wg.Done()
			for job := range in {
				_ = job * job
			}
		}(inboxes[i])
	}
	for job := 0; job < 9; job++ {
		inboxes[job%len(inboxes)] <- job
	}
	for _, in := range inboxes {
		close(in)
	}
	wg.Wait()
}
