package lostsignal

import (
	"errors"
	"time"
)

// probes asks two replicas at once; each answers on the channel.
func probes(a, b func() error) chan error {
	errs := make(chan error)
	go func() { errs <- a() }()
	go func() { errs <- b() }()
	return errs
}

// healthy gives up at the first failing replica, leaving the other one's
// answer unreceived.
func healthy(a, b func() error) error {
	errs := probes(a, b) // want `the 2 goroutines probes starts send at least 2 values on the channel returned by probes, but on the path that returns at line 21 only 1 is received, so one blocks forever sending`
	if err := <-errs; err != nil {
		return err
	}
	return <-errs
}

// CaseFewerReceivesTwoGoroutines probes a failing replica and a slow
// healthy one, which answers long after the failure was taken.
func CaseFewerReceivesTwoGoroutines() {
	_ = healthy(func() error { return errors.New("down") }, func() error {
		time.Sleep(200 * time.Millisecond)
		return nil
	})
}
