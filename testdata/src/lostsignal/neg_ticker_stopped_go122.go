//go:build go1.22

package lostsignal

import "time"

// pollStopped polls until done and stops its ticker on every path, as code
// for Go before 1.23 must.
func pollStopped(done func() bool) int {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	n := 0
	for range t.C {
		n++
		if done() {
			return n
		}
	}
	return n
}

// CaseTickerStoppedGo122 polls three times.
func CaseTickerStoppedGo122() {
	i := 0
	pollStopped(func() bool { i++; return i == 3 })
}
