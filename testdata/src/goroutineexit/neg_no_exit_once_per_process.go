package goroutineexit

import (
	"sync"
	"sync/atomic"
	"time"
)

var (
	reaped  atomic.Int64
	metrics atomic.Int64
)

// The daemons here run for the life of the process on purpose: each is
// started by code that runs once.

var reaperOnce sync.Once

// startReaper starts the process's one reaper, however often it is called.
func startReaper() {
	reaperOnce.Do(func() {
		go func() {
			for {
				time.Sleep(time.Millisecond)
				reaped.Add(1)
			}
		}()
	})
}

// metricsLoop is started by startMetrics, which only init calls.
var metricsLoop = sync.OnceFunc(func() {
	go func() {
		for range time.Tick(time.Millisecond) {
			metrics.Add(1)
		}
	}()
})

func startMetrics() {
	go func() {
		for {
			time.Sleep(time.Millisecond)
			metrics.Add(1)
		}
	}()
}

func init() {
	startMetrics()
}

// pollUntil has a way out: it returns once done reports true.
func pollUntil(done func() bool) {
	go func() {
		for {
			if done() {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
}

//oracle:skip the daemons started once per process live on by design and would be judged leaked; the analyzer's silence is what this case asserts
