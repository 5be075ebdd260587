package goroutineexit

import (
	"os"
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
	quit2 := make(chan struct{})
	loaded := make(chan struct{})
	go func() {
		retryLoad(quit2, func() bool { return true }, time.Millisecond)
		close(loaded)
	}()
	<-loaded
	close(quit2)
	retryLoad(quit2, func() bool { return false }, time.Hour)
	_ = signalRestorer // not run: it would end the process
}

// retryLoad makes a new timer in every iteration: the tick taken in one
// iteration says nothing of the next iteration's timer, whose Stop
// reports true while it runs. Reduced from a config loader in a popular
// web server.
func retryLoad(quit <-chan struct{}, load func() bool, d time.Duration) {
	for {
		timer := time.NewTimer(d)
		select {
		case <-timer.C:
			if !load() {
				continue
			}
		case <-quit:
			if !timer.Stop() {
				<-timer.C
			}
		}
		break
	}
}

// signalRestorer waits once for a signal and ends the process: no loop,
// and the exit is not a return.
func signalRestorer(sig <-chan struct{}, restore func()) {
	go func() {
		<-sig
		restore()
		os.Exit(1)
	}()
}
