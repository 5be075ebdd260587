package lostsignal

import "sync"

// startJobs starts the jobs and hands their WaitGroup to the caller, who
// waits for them.
func startJobs(n int) *sync.WaitGroup {
	wg := new(sync.WaitGroup)
	for range n {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	return wg
}

// CaseWaitgroupReturned waits through the returned group.
func CaseWaitgroupReturned() {
	startJobs(3).Wait()
}
