package goroutineexit

//oracle:falsenegative the sampler's loop has no way out and waits only on t.C, a ticker's channel the function did not make; the analyzer treats such loops as intended daemons and stays silent, but the ticker is stopped when sampleFor returns, so the sampler blocks forever

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
	go func() {
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
