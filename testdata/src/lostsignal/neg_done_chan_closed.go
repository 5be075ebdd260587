package lostsignal

import "sync/atomic"

var warmed atomic.Int32

// warmUp warms the cache in a goroutine and returns a channel closed when
// it is done. The goroutine ends on its own whether or not anyone waits:
// dropping the channel loses only the notice.
func warmUp() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		warmed.Add(1)
	}()
	return done
}

// CaseDoneChanClosed starts the warm-up and does not wait for it (fire and
// forget): nothing leaks.
func CaseDoneChanClosed() {
	warmUp()
}
