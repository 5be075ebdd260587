package lostsignal

import "context"

// startJanitor starts a goroutine that cleans up when its context is
// cancelled. The context derives from context.Background, so the returned
// cancel function is the only way to end it.
func startJanitor(dir string) context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-ctx.Done()
		println("cleaning", dir)
	}()
	return cancel
}

// CaseStopCtxCancel drops the janitor's cancel function.
func CaseStopCtxCancel() {
	_ = startJanitor("/tmp/spool") // want `the stop function returned by startJanitor is discarded`
}
