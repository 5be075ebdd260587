package goroutineexit

import "time"

func probeRegion(name string, delay time.Duration) bool {
	time.Sleep(delay)
	return len(name) > 0
}

// anyRegionUp starts one probe per region, three go statements, and
// returns at the first region that answers: one answer waits in the
// buffer, and the slowest probe blocks forever.
func anyRegionUp() bool {
	up := make(chan bool, 1)
	go func() { up <- probeRegion("eu", 0) }()
	go func() { up <- probeRegion("us", 0) }()
	go func() {
		up <- probeRegion("ap", 40*time.Millisecond) // want `^one of 3 goroutines blocks forever sending on up: they send 3 values, and on the path that returns at line \d+, at most 1 is received and up has a buffer of 1$`
	}()
	for range 3 {
		if <-up {
			return true
		}
	}
	return false
}

// CaseCountsRecvLoopSiblings probes three regions that all answer.
func CaseCountsRecvLoopSiblings() {
	_ = anyRegionUp()
}
