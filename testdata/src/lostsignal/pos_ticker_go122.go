//go:build go1.22

package lostsignal

import "time"

//oracle:skip a ticker is no goroutine: neither the goroutineleak profile nor goleak can see one that is never stopped (before Go 1.23 semantics, with asynctimerchan=1, the runtime keeps it, and what it references, forever; by hand, 200000 such tickers kept 54 MB live under a go1.22 main module and were collected under go1.23)

// pollStatus polls until the status is ready, and returns without
// stopping its ticker.
func pollStatus(ready func() bool) {
	t := time.NewTicker(time.Millisecond) // want `ticker t is never stopped: before Go 1.23 \(this file is go1.22\) a ticker that is not stopped is never garbage collected`
	for range t.C {
		if ready() {
			return
		}
	}
}
