package lostsignal

import (
	"fmt"
	"sync"
	"time"
)

//oracle:goleak the un-waited goroutine sleeps rather than blocks: judged by the goroutine still running after the case returned
//oracle:falsenegative the WaitGroup is handed to fmt.Sprint, a function of another package, which could keep it and wait for it elsewhere; escape means silence, although nothing ever waits

// logAndStart starts a goroutine under wg, and logs wg through fmt.
func logAndStart() string {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Second)
	}()
	return fmt.Sprint(&wg)
}

// CaseWaitgroupOtherPackage never waits.
func CaseWaitgroupOtherPackage() {
	_ = logAndStart()
}
