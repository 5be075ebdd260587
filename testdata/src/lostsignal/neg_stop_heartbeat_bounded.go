package lostsignal

import (
	"time"

	"lostsignal/starter"
)

// CaseStopHeartbeatBounded drops the stop function of starter.Heartbeat,
// whose goroutine ends by itself after a few beats: the function has no
// fact, and nothing is reported.
func CaseStopHeartbeatBounded() {
	starter.Heartbeat(time.Millisecond, 3)
}
