package goroutineexit

import "time"

func measureLatency() time.Duration {
	time.Sleep(5 * time.Millisecond)
	return 5 * time.Millisecond
}

// latencyIfReady starts a measurement and polls once without waiting: the
// default case returns and the measurement has nobody to report to.
func latencyIfReady() (time.Duration, bool) {
	lat := make(chan time.Duration)
	go func() {
		lat <- measureLatency() // want `goroutine blocks forever sending on lat: if the select .*takes its default case, nothing receives from lat`
	}()
	select {
	case d := <-lat:
		return d, true
	default:
		return 0, false
	}
}

// CaseTryReceiveDefault polls once.
func CaseTryReceiveDefault() {
	_, _ = latencyIfReady()
}
