package lostsignal

import (
	"context"
	"time"
)

// heartbeat pings a peer until its context is cancelled.
type heartbeat struct {
	peer   string
	ctx    context.Context
	cancel context.CancelFunc
	beats  int
}

func (h *heartbeat) run(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			h.beats++
		case <-h.ctx.Done(): // want `goroutine never finishes: nothing can call heartbeat.cancel once joinCluster returns \(the heartbeat it made goes nowhere else\), and run ends only when heartbeat.ctx is done`
			return
		}
	}
}

// Stop ends the heartbeat; nobody can call it on the one joinCluster made.
func (h *heartbeat) Stop() { h.cancel() }

// joinCluster starts a heartbeat and keeps nothing of it.
func joinCluster(peer string) error {
	ctx, cancel := context.WithCancel(context.Background())
	h := &heartbeat{peer: peer, ctx: ctx, cancel: cancel}
	go h.run(time.Millisecond)
	return nil
}

//oracle:goleak the heartbeat wakes on every tick of its ticker rather than blocks: judged by the goroutine still running after the case returned

// CaseCancelFieldDropped joins a cluster once.
func CaseCancelFieldDropped() {
	_ = joinCluster("node-2")
}
