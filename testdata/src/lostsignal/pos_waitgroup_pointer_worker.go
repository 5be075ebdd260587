package lostsignal

import (
	"sync"
	"time"
)

//oracle:goleak the worker sleeps rather than blocks: judged by the goroutine still running after the case returned

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
	wg.Add(len(imgs)) // want `wg.Wait is not called on the path that reaches the end of resizeAll at line 28: the goroutine started at line 23 is never waited for`
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
