// Package starter holds functions that start goroutines and hand back the
// only handle on them, for the cases of package lostsignal that call them
// from another package (through facts).
package starter

import (
	"strings"
	"time"
)

// Fetch looks key up in a goroutine and returns the channel on which that
// goroutine delivers the value. Nobody but the caller can receive it.
func Fetch(key string) <-chan string { // want Fetch:`handles\(0:send\)`
	out := make(chan string)
	go func() {
		out <- "value of " + key
	}()
	return out
}

// Async runs f in a goroutine and returns the channel delivering its
// result.
func Async[T any](f func() T) <-chan T { // want Async:`handles\(0:send\)`
	out := make(chan T)
	go func() {
		out <- f()
	}()
	return out
}

// Watch starts a goroutine counting the events it receives until the
// returned stop function is called; stop is the only way to end it.
func Watch(events <-chan string) (stop func()) { // want Watch:`handles\(0:stop\)`
	done := make(chan struct{})
	go func() {
		n := 0
		for {
			select {
			case <-done:
				return
			case <-events:
				n++
			}
		}
	}()
	return func() { close(done) }
}

// Notify runs f in a goroutine and returns a channel closed when f is
// done. The goroutine ends on its own: dropping the channel loses only the
// notice, so it is no handle.
func Notify(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	return done
}

// Heartbeat starts a goroutine that beats every period until the returned
// stop function is called, or until it has beaten max times.
func Heartbeat(period time.Duration, max int) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for i := 0; i < max; i++ {
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done) }
}

// Lines streams the lines of text, one by one, on the returned channel,
// and closes it after the last.
func Lines(text string) <-chan string { // want Lines:`handles\(0:stream\)`
	out := make(chan string)
	go func() {
		defer close(out)
		for _, line := range strings.Split(text, "\n") {
			out <- line
		}
	}()
	return out
}
