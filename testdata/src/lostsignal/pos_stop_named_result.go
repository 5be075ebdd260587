package lostsignal

import "context"

// startPrinter prints the jobs it receives until the function assigned to
// its named result is called, which cancels its context. The context
// derives from context.Background, so nothing else can end the goroutine.
func startPrinter(jobs <-chan string) (cancelPrinting func()) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case j := <-jobs:
				println(j)
			}
		}
	}()
	cancelPrinting = func() { cancel() }
	return
}

// CaseStopNamedResult starts the printer and ignores how to stop it.
func CaseStopNamedResult() {
	startPrinter(make(chan string)) // want `the stop function returned by startPrinter is discarded, but calling it is the only way to end the goroutine started at line 10`
}
