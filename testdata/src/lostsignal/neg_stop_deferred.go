package lostsignal

// startMeter starts a goroutine that meters samples until stopped.
func startMeter(samples <-chan float64) func() {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-samples:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// CaseStopDeferred stops the meter with a deferred call, on every path.
func CaseStopDeferred() {
	stop := startMeter(make(chan float64))
	defer stop()
}
