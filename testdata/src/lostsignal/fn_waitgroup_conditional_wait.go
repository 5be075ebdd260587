package lostsignal

import (
	"sync"
	"time"
)

//oracle:goleak the worker sleeps rather than blocks: judged by the goroutine still running after the case returned
//oracle:falsenegative the wait is conditional and the path that skips it ends where the waiting path ends: whether the condition can be false there depends on conditions the analysis does not relate (see neg_waitgroup_correlated_waits.go), so it stays silent

// resize resizes an image and marks itself done on wg.
func resize(img string, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(10 * time.Second)
	_ = img
}

// resizeAll starts a worker per image, and waits for them only when asked
// to.
func resizeAll(imgs []string, wait bool) {
	wg := &sync.WaitGroup{}
	wg.Add(len(imgs))
	for _, img := range imgs {
		go resize(img, wg)
	}
	if wait {
		wg.Wait()
	}
}

// CaseWaitgroupPointerWorker does not wait.
func CaseWaitgroupPointerWorker() {
	resizeAll([]string{"a.jpg"}, false)
}
