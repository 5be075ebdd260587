package goroutineexit

import (
	"errors"
	"time"
)

var errResolveTimeout = errors.New("resolve timed out")

func slowResolve(host string) []string {
	time.Sleep(20 * time.Millisecond)
	return []string{host + ".example:443"}
}

// resolveWithin waits at most d for the resolver; when the timer wins, the
// resolver's goroutine is left holding its answer.
func resolveWithin(host string, d time.Duration) ([]string, error) {
	addrs := make(chan []string)
	go func() {
		addrs <- slowResolve(host) // want `goroutine blocks forever sending on addrs: if the select takes <-time\.After\(d\), nothing receives from addrs`
	}()
	select {
	case a := <-addrs:
		return a, nil
	case <-time.After(d):
		return nil, errResolveTimeout
	}
}

// CaseForgottenSenderTimeAfter gives the resolver far less time than it
// needs.
func CaseForgottenSenderTimeAfter() {
	_, _ = resolveWithin("db", time.Millisecond)
}
