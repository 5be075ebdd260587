package goroutineexit

// pingInTurn starts one ping per host and reads its answer in the same
// iteration: when it returns early, every goroutine started so far has
// been read.
func pingInTurn(hosts []string) error {
	errc := make(chan error)
	for _, h := range hosts {
		go func() {
			errc <- pingHost(h)
		}()
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// CaseCountsRecvLoopSameLoop pings three hosts that are all down.
func CaseCountsRecvLoopSameLoop() {
	_ = pingInTurn([]string{"!a", "!b", "!c"})
}
