package lostsignal

import "context"

// startRefresher starts a goroutine that ends when its context is
// cancelled: by the returned cancel function, or by the caller's parent
// context. The cancel function is not the only way to end it.
func startRefresher(parent context.Context) context.CancelFunc {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-ctx.Done()
	}()
	return cancel
}

// CaseStopCtxParent drops the cancel function but cancels the parent,
// which ends the goroutine.
func CaseStopCtxParent() {
	parent, cancelParent := context.WithCancel(context.Background())
	_ = startRefresher(parent)
	cancelParent()
}
