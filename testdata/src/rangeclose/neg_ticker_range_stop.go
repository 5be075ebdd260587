package rangeclose

import "time"

// CaseTickerRangeStop ranges over a time.Ticker channel, which is made by
// the standard library and never closed; the loop leaves after a few ticks.
func CaseTickerRangeStop() {
	t := time.NewTicker(time.Millisecond)
	polled := make(chan int)
	go func() {
		n := 0
		for range t.C {
			n++
			if n == 3 {
				t.Stop()
				break
			}
		}
		polled <- n
	}()
	<-polled
}
