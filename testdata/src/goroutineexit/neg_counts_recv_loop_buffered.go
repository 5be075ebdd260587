package goroutineexit

// pingBuffered returns at the first error; the channel has room for
// every host's value, so the goroutines not read finish anyway.
func pingBuffered(hosts []string) error {
	errc := make(chan error, len(hosts))
	for _, h := range hosts {
		go func() {
			errc <- pingHost(h)
		}()
	}
	for range hosts {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// CaseCountsRecvLoopBuffered pings three hosts that are all down.
func CaseCountsRecvLoopBuffered() {
	_ = pingBuffered([]string{"!a", "!b", "!c"})
}
