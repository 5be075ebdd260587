package goroutineexit

import "errors"

var errHostDown = errors.New("host down")

func pingHost(h string) error {
	if h == "" || h[0] == '!' {
		return errHostDown
	}
	return nil
}

// pingAll pings every host at once and returns the first error it reads:
// the hosts not yet read block forever on their send.
func pingAll(hosts []string) error {
	errc := make(chan error)
	for _, h := range hosts {
		go func() {
			errc <- pingHost(h) // want `^goroutines started in a loop block forever sending on errc: at most 1 value is received and errc has no buffer, so every goroutine beyond that blocks on this send$`
		}()
	}
	for range hosts {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// CaseCountsRecvLoopEarlyReturn pings three hosts that are all down.
func CaseCountsRecvLoopEarlyReturn() {
	_ = pingAll([]string{"!a", "!b", "!c"})
}
