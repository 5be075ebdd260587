package goroutineexit

// pingEvery reads one result per host whatever it is, keeping the first
// error: every goroutine's value is received.
func pingEvery(hosts []string) error {
	errc := make(chan error)
	for _, h := range hosts {
		go func() {
			errc <- pingHost(h)
		}()
	}
	var first error
	for range hosts {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// CaseCountsRecvLoopAll pings three hosts, two of them down.
func CaseCountsRecvLoopAll() {
	_ = pingEvery([]string{"!a", "b", "!c"})
}
