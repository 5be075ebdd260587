package rangeclose

import "runtime"

// CaseGoexitInLoop ends the consuming goroutine with runtime.Goexit when it
// receives a stop value; its deferred functions still run.
func CaseGoexitInLoop() {
	ops := make(chan int)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		for op := range ops {
			if op < 0 {
				runtime.Goexit()
			}
		}
	}()
	ops <- 1
	ops <- -1
	<-exited
}
