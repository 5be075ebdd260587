package goroutineexit

import (
	"sync/atomic"
	"time"
)

// sampleFor counts ticks for d; it stops the ticker, believing that ends
// the sampler too.
func sampleFor(d time.Duration) int32 {
	var samples atomic.Int32
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	go func() { // want `goroutine never finishes: its loop has no way out, and sampleFor can run more than once`
		for {
			<-t.C
			samples.Add(1)
		}
	}()
	time.Sleep(d)
	return samples.Load()
}

// CaseStoppedTickerLoop samples for five milliseconds.
func CaseStoppedTickerLoop() {
	_ = sampleFor(5 * time.Millisecond)
}
