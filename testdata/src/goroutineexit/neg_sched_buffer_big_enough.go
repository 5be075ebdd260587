package goroutineexit

import (
	"context"
	"time"
)

func probeLatency(host string) time.Duration {
	time.Sleep(2 * time.Millisecond)
	return time.Duration(len(host)) * time.Millisecond
}

// probeHosts sends two measurements into a channel with room for both:
// when the reporter gives up on ctx, the sends still complete.
func probeHosts(ctx context.Context, a, b string, report func(time.Duration)) {
	latencies := make(chan time.Duration, 2)
	go func() {
		latencies <- probeLatency(a)
		latencies <- probeLatency(b)
	}()
	go func() {
		for {
			select {
			case d := <-latencies:
				report(d)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// CaseSchedBufferBigEnough probes with a context already cancelled.
func CaseSchedBufferBigEnough() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	probeHosts(ctx, "alpha", "beta", func(time.Duration) {})
	time.Sleep(20 * time.Millisecond)
}
