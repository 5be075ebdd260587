//go:build go1.23

package lostsignal

import "time"

// pollUntil polls until done, and returns without stopping its ticker.
// Since Go 1.23 a ticker nobody references any more is garbage collected,
// stopped or not, so this is no leak in this file.
func pollUntil(done func() bool) {
	t := time.NewTicker(time.Millisecond)
	for range t.C {
		if done() {
			return
		}
	}
}

// waitUntil does the same with time.Tick, also collected since Go 1.23.
func waitUntil(done func() bool) {
	for range time.Tick(time.Millisecond) {
		if done() {
			return
		}
	}
}

// CaseTickerGo123 polls twice.
func CaseTickerGo123() {
	n := 0
	pollUntil(func() bool { n++; return n > 2 })
	waitUntil(func() bool { n++; return n > 4 })
}
