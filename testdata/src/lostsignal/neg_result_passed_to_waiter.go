package lostsignal

import "time"

// encode encodes v in a goroutine.
func encode(v string) <-chan []byte {
	out := make(chan []byte)
	go func() {
		out <- []byte(v)
	}()
	return out
}

// await receives from ch, or gives up after d: it decides the channel's
// fate, and this package does not try to follow it there.
func await(ch <-chan []byte, d time.Duration) []byte {
	select {
	case b := <-ch:
		return b
	case <-time.After(d):
		return nil
	}
}

// CaseResultPassedToWaiter hands the channel to a function that waits
// for it.
func CaseResultPassedToWaiter() {
	await(encode("x"), time.Second)
}
