package goroutineexit

import (
	"sync/atomic"
	"time"
)

// poller ranges over a ticker but returns once stopped is set: the
// return inside the loop is its way out.
type poller struct {
	stopped atomic.Bool
	polls   atomic.Int32
}

func (p *poller) run(t *time.Ticker) {
	for range t.C {
		if p.stopped.Load() {
			return
		}
		p.polls.Add(1)
	}
}

// beat is a hand-made ticker: its channel C is closed by stop, so a range
// over it ends (only time's own Ticker and Timer never close theirs).
type beat struct{ C chan struct{} }

func (b *beat) stop() { close(b.C) }

// CaseTickerRangeWayOut stops the poller and closes the hand-made beat.
func CaseTickerRangeWayOut() {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	p := &poller{}
	done := make(chan struct{})
	go func() {
		p.run(t)
		close(done)
	}()
	p.stopped.Store(true)
	<-done

	b := &beat{C: make(chan struct{})}
	ended := make(chan struct{})
	go func() {
		for range b.C {
		}
		close(ended)
	}()
	b.stop()
	<-ended
}
