package lostsignal

// startTailer starts a goroutine that collects the lines it receives until
// the returned stop function is called; stop is the only way to end it.
func startTailer(lines <-chan string) (stop func()) {
	done := make(chan struct{})
	go func() {
		var got []string
		for {
			select {
			case <-done:
				return
			case l := <-lines:
				got = append(got, l)
			}
		}
	}()
	return func() { close(done) }
}

// CaseStopDiscarded starts a tailer and throws its stop function away.
func CaseStopDiscarded() {
	lines := make(chan string)
	startTailer(lines) // want `the stop function returned by startTailer is discarded, but calling it is the only way to end the goroutine started at line 7, which therefore never ends`
}
