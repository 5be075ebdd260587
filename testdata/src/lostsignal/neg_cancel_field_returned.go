package lostsignal

import "context"

// prefetcher warms a cache until its owner closes it.
type prefetcher struct {
	ctx    context.Context
	cancel context.CancelFunc
	warmed chan string
}

func (p *prefetcher) loop() {
	for {
		select {
		case k := <-p.warmed:
			_ = k
		case <-p.ctx.Done():
			return
		}
	}
}

// Close stops the prefetcher.
func (p *prefetcher) Close() { p.cancel() }

// newPrefetcher hands the prefetcher to its caller, who owns Close.
func newPrefetcher() *prefetcher {
	ctx, cancel := context.WithCancel(context.Background())
	p := &prefetcher{ctx: ctx, cancel: cancel, warmed: make(chan string)}
	go p.loop()
	return p
}

// CaseCancelFieldReturned makes a prefetcher and closes it.
func CaseCancelFieldReturned() {
	p := newPrefetcher()
	p.Close()
}
