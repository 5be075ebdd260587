package goroutineexit

import (
	"sync/atomic"
	"time"
)

//oracle:goleak the goroutines never block on an unreachable primitive (a live ticker, a sleep), so the leak profile cannot prove them leaked; they are still running when the case returns, forever

var batchesFlushed atomic.Int64

// batcher flushes on every event and every tick; newBatcher runs once per
// connection, and each run leaves its flusher behind for good: the loop
// has no way out, whatever happens to events.
type batcher struct{ pending atomic.Int64 }

func newBatcher(events <-chan int) *batcher {
	b := &batcher{}
	t := time.NewTicker(time.Millisecond)
	go func() { // want `goroutine never finishes: its loop has no way out, and newBatcher can run more than once`
		for {
			select {
			case n := <-events:
				b.pending.Add(int64(n))
			case <-t.C:
				batchesFlushed.Add(b.pending.Swap(0))
			}
		}
	}()
	return b
}

// janitor sweeps forever; startJanitor is exported, so any caller may
// start one per use.
func janitor(sweep func()) {
	for {
		time.Sleep(time.Millisecond)
		sweep()
	}
}

// StartJanitor starts a sweeper.
func StartJanitor(sweep func()) {
	go janitor(sweep) // want `goroutine never finishes: its loop has no way out, and StartJanitor can run more than once`
}

// CaseNoExitPerCall opens two connections and starts a janitor.
func CaseNoExitPerCall() {
	events := make(chan int)
	_ = newBatcher(events)
	_ = newBatcher(events)
	StartJanitor(func() {})
}
