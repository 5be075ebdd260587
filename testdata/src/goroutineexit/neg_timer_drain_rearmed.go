package goroutineexit

import (
	"sync/atomic"
	"time"
)

var heartbeats atomic.Int64

// rearmingHeartbeat re-arms the timer in the tick case, so a later Stop that
// reports false means a tick is pending (before Go 1.23) or never does
// (from Go 1.23 on): the drain never waits for good.
func rearmingHeartbeat(kicks <-chan struct{}, quit <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			heartbeats.Add(1)
			t.Reset(d)
		case <-kicks:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		case <-quit:
			return
		}
	}
}

// CaseTimerDrainRearmed ticks, kicks, then quits.
func CaseTimerDrainRearmed() {
	kicks, quit := make(chan struct{}), make(chan struct{})
	done := make(chan struct{})
	go func() {
		rearmingHeartbeat(kicks, quit, time.Millisecond)
		close(done)
	}()
	time.Sleep(20 * time.Millisecond)
	kicks <- struct{}{}
	close(quit)
	<-done
}
