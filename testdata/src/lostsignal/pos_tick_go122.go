//go:build go1.22

package lostsignal

import "time"

//oracle:skip a ticker is no goroutine: neither the goroutineleak profile nor goleak can see the ticker that time.Tick makes (before Go 1.23 semantics the runtime keeps it forever; checked by hand under a go1.22 main module, where 200000 of them kept 54 MB live)

// waitReady waits for ready with time.Tick, whose ticker can never be
// stopped, and then returns.
func waitReady(ready func() bool) {
	for range time.Tick(time.Millisecond) { // want `the ticker made by time.Tick can never be stopped, and waitReady returns at line 14: before Go 1.23 \(this file is go1.22\) it is never garbage collected`
		if ready() {
			return
		}
	}
}
