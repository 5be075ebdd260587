package goroutineexit

import (
	"errors"
	"sync"
)

var errNoReplica = errors.New("no replica")

// replicate writes to two replicas and waits for both; the second gives
// up on an empty address without marking itself done.
func replicate(addrs [2]string) error {
	var wg sync.WaitGroup
	var errs [2]error
	wg.Add(2)
	go func() {
		errs[0] = write(addrs[0])
		wg.Done()
	}()
	go func() {
		if addrs[1] == "" {
			errs[1] = errNoReplica
			return
		}
		errs[1] = write(addrs[1])
		wg.Done()
	}()
	wg.Wait() // want `replicate blocks forever in wg.Wait: the goroutine started at line 20 can return at line 23 without calling wg.Done, so the counter never reaches zero`
	return errors.Join(errs[0], errs[1])
}

func write(addr string) error {
	if addr == "down" {
		return errNoReplica
	}
	return nil
}

// CaseWgDoneSkippedReplicas replicates with the second address missing.
func CaseWgDoneSkippedReplicas() {
	_ = replicate([2]string{"a:1", ""})
}
