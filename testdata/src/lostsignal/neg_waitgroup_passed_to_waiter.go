package lostsignal

import "sync"

// waitAll waits for wg: the function that calls it waits.
func waitAll(wg *sync.WaitGroup) { wg.Wait() }

// compressAll starts a goroutine per chunk and waits through waitAll.
func compressAll(chunks []string) {
	var wg sync.WaitGroup
	for _, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = c
		}()
	}
	waitAll(&wg)
}

// CaseWaitgroupPassedToWaiter compresses two chunks.
func CaseWaitgroupPassedToWaiter() {
	compressAll([]string{"x", "y"})
}
