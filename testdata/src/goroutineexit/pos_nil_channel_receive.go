package goroutineexit

import "sync/atomic"

var reloads atomic.Int32

// watchReload declares its stop channel but never makes it: a receive
// from a nil channel blocks forever.
func watchReload() {
	go func() {
		var stop chan struct{}
		reloads.Add(1)
		<-stop // want `goroutine blocks forever: a receive from a nil channel never proceeds`
	}()
}

// CaseNilChannelReceive starts the watcher.
func CaseNilChannelReceive() {
	watchReload()
}
