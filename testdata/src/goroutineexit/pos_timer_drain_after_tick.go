package goroutineexit

import (
	"sync/atomic"
	"time"
)

var debounced atomic.Int64

// debounce fires after a quiet period; a kick restarts the period. The
// fire case takes the tick and does not re-arm the timer, so the next
// kick's Stop reports false and the drain waits for a tick that never
// comes.
func debounce(kicks <-chan struct{}, quit <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			debounced.Add(1)
		case <-kicks:
			if !t.Stop() {
				<-t.C // want `receive from t\.C blocks forever once the select case at line 18 has taken the tick: Stop then reports false, and t\.C stays empty until a Reset`
			}
			t.Reset(d)
		case <-quit:
			return
		}
	}
}

// CaseTimerDrainAfterTick lets the timer fire, then kicks.
func CaseTimerDrainAfterTick() {
	kicks := make(chan struct{})
	go debounce(kicks, make(chan struct{}), time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	kicks <- struct{}{}
	time.Sleep(5 * time.Millisecond)
}
