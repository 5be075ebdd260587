package goroutineexit

import "time"

// waitDebounced arms a timer whose function sends on an unbuffered
// channel from the timer's own goroutine, and receives that one value.
func waitDebounced(d time.Duration) bool {
	fired := make(chan bool)
	time.AfterFunc(d, func() {
		fired <- true
	})
	return <-fired
}

// CaseTimeAfterFunc waits one millisecond.
func CaseTimeAfterFunc() {
	_ = waitDebounced(time.Millisecond)
}
