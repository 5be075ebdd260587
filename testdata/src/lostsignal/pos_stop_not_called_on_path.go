package lostsignal

import "errors"

// startSpinner starts a goroutine that spins a progress indicator until
// the returned stop function is called.
func startSpinner(frames <-chan rune) func() {
	quit := make(chan bool)
	go func() {
		for {
			select {
			case <-frames:
			case <-quit:
				return
			}
		}
	}()
	return func() { close(quit) }
}

// install stops the spinner on success, but forgets it on the error path.
func install(pkg string) error {
	stop := startSpinner(make(chan rune)) // want `the stop function returned by startSpinner is not called on the path that returns at line 25`
	if pkg == "" {
		return errors.New("no package")
	}
	stop()
	return nil
}

// CaseStopNotCalledOnPath takes the error path.
func CaseStopNotCalledOnPath() {
	_ = install("")
}
