package goroutineexit

import "time"

// CaseStoppedTicker stops a ticker that a goroutine still ranges over.
func CaseStoppedTicker() {
	t := time.NewTicker(time.Millisecond)
	ticked := make(chan int)
	go func() { // want `goroutine never finishes: its loop ends only when a timer's channel is closed, which never happens \(Stop does not close it\), and CaseStoppedTicker can run more than once`
		n := 0
		for range t.C {
			n++
			if n <= 2 {
				ticked <- n
			}
		}
	}()
	<-ticked
	<-ticked
	t.Stop()
}
