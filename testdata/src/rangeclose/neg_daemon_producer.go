package rangeclose

import "time"

//oracle:skip every sender loops forever: the heartbeat pipeline is meant to live as long as the process, so it never terminates and cannot be run to completion

// startHeartbeat starts a producer that never stops and a consumer that
// ranges over its channel. The range is not expected to end; the producer
// that never stops is a different finding.
func startHeartbeat(period time.Duration, beat func(time.Time)) {
	beats := make(chan time.Time)
	go func() {
		for {
			time.Sleep(period)
			beats <- time.Now()
		}
	}()
	go func() {
		for t := range beats {
			beat(t)
		}
	}()
}
