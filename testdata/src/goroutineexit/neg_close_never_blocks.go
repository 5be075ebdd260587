package goroutineexit

import (
	"context"
	"time"
)

type probeResult struct {
	done   chan struct{}
	status int
}

// probe signals completion by closing done, which never blocks: even when
// the caller has stopped waiting, the goroutine finishes.
func probe(ctx context.Context, target string) (int, error) {
	r := &probeResult{done: make(chan struct{})}
	go func() {
		time.Sleep(2 * time.Millisecond)
		r.status = len(target)
		close(r.done)
	}()
	select {
	case <-r.done:
		return r.status, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// CaseCloseNeverBlocks probes with a cancelled context.
func CaseCloseNeverBlocks() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = probe(ctx, "10.0.0.1")
}
