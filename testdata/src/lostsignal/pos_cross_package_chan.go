package lostsignal

import "lostsignal/starter"

// CaseCrossPackageChan discards the channel of starter.Fetch, a function
// of another package known through its fact to hand back the only way to
// receive what its goroutine sends.
func CaseCrossPackageChan() {
	starter.Fetch("config") // want `the channel returned by starter.Fetch is discarded, so the goroutine starter.Fetch starts blocks forever sending on it`
}
