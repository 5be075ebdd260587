package lostsignal

import (
	"sync"
	"time"
)

//oracle:goleak the goroutine sleeps rather than blocks, so it merely outlives its caller: judged by the goroutine still running after the case returned

// notifyAll sends the notifications in goroutines counted by a WaitGroup
// that nobody waits for.
func notifyAll(users []string) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1) // want `wg.Wait is never called: the goroutine started at line 16 is never waited for and outlives notifyAll`
		go func() {
			defer wg.Done()
			time.Sleep(10 * time.Second)
			_ = u
		}()
	}
}

// CaseWaitgroupNeverWaited leaves the notifier running.
func CaseWaitgroupNeverWaited() {
	notifyAll([]string{"ada"})
}
