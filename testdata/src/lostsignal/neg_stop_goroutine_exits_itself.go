package lostsignal

import "time"

// startBlinker blinks until stopped, or for at most a few milliseconds:
// the goroutine ends on its own, so the stop function is no handle.
func startBlinker() (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(5 * time.Millisecond):
		}
	}()
	return func() { close(done) }
}

// CaseStopGoroutineExitsItself drops the stop function; the blinker
// times out by itself.
func CaseStopGoroutineExitsItself() {
	startBlinker()
}
