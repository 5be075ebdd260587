package goroutineexit

// pingDrained returns at the first error, after reading the values still
// to come: every goroutine's value is received.
func pingDrained(hosts []string) error {
	errc := make(chan error)
	for _, h := range hosts {
		go func() {
			errc <- pingHost(h)
		}()
	}
	for i := 0; i < len(hosts); i++ {
		if err := <-errc; err != nil {
			for j := i + 1; j < len(hosts); j++ {
				<-errc
			}
			return err
		}
	}
	return nil
}

// CaseCountsRecvLoopDrained pings three hosts that are all down.
func CaseCountsRecvLoopDrained() {
	_ = pingDrained([]string{"!a", "!b", "!c"})
}
