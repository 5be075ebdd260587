package lostsignal

// startPinger starts a goroutine that runs until the returned function is
// called.
func startPinger(targets <-chan string) func() {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-targets:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// startMonitoring passes the stop function up to its own caller.
func startMonitoring() (stop func()) {
	stop = startPinger(make(chan string))
	return stop
}

// CaseStopReturned stops the pinger through the function it got back.
func CaseStopReturned() {
	stop := startMonitoring()
	stop()
}
