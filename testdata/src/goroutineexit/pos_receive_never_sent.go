package goroutineexit

import "sync/atomic"

var flushesDone atomic.Int64

// scheduleFlush starts a goroutine that waits for a "flush now" signal
// that the function never sends nor closes.
func scheduleFlush(buf []byte) int {
	flushNow := make(chan struct{})
	go func() {
		<-flushNow // want `goroutine blocks forever receiving from flushNow: nothing sends on or closes flushNow`
		flushesDone.Add(int64(len(buf)))
	}()
	return len(buf)
}

// CaseReceiveNeverSent schedules one flush.
func CaseReceiveNeverSent() {
	_ = scheduleFlush([]byte("pending"))
}
