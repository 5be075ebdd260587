package lostsignal

import "lostsignal/starter"

// CaseStopCrossPackage discards the stop function of starter.Watch, known
// through its fact to be the only way to end the watcher.
func CaseStopCrossPackage() {
	starter.Watch(make(chan string)) // want `the stop function returned by starter.Watch is discarded, but calling it is the only way to end the goroutine starter.Watch starts`
}
