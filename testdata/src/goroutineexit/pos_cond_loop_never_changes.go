package goroutineexit

import "sync"

// barrier lets parties wait until all have arrived; the wait loop tests a
// local copy taken before the loop, so the Broadcast of a later arrival
// cannot end it.
type barrier struct {
	mu      sync.Mutex
	cv      *sync.Cond
	parties int
	arrived int
}

func newBarrier(parties int) *barrier {
	b := &barrier{parties: parties}
	b.cv = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) await() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.arrived++
	last := b.arrived >= b.parties
	if last {
		b.cv.Broadcast()
	}
	for !last {
		b.cv.Wait() // want `goroutine never finishes: the loop around Wait tests !last, which nothing in the loop changes`
	}
}

// CaseCondLoopNeverChanges brings two parties to a barrier of two: the
// first to arrive waits forever.
func CaseCondLoopNeverChanges() {
	b := newBarrier(2)
	go b.await()
	go b.await()
}
