package goroutineexit

import "sync/atomic"

var primed atomic.Int64

// primeWorker fills the token buffer before the goroutine that takes the
// token starts: the buffered value releases the receive, whatever the
// function does after the go statement.
func primeWorker(n int64) {
	token := make(chan int64, 1)
	token <- n
	go func() {
		primed.Add(<-token)
	}()
}

// closedBeforeStart closes the channel before the goroutine starts: the
// receive gets the zero value at once.
func closedBeforeStart() {
	ready := make(chan struct{})
	close(ready)
	go func() {
		<-ready
		primed.Add(1)
	}()
}

// CasePrefilledBuffer starts both.
func CasePrefilledBuffer() {
	primeWorker(3)
	closedBeforeStart()
}
