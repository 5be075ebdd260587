package lostsignal

import "context"

// probe waits for its context; the context it ends up with is the caller's.
type probe struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (p *probe) await() { <-p.ctx.Done() }

// bind replaces the probe's own context with the caller's.
func (p *probe) bind(parent context.Context) { p.ctx = parent }

// runProbe keeps nothing of the probe, but the caller's context ends it.
func runProbe(parent context.Context) {
	p := &probe{}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.bind(parent)
	go p.await()
}

// CaseCancelFieldCtxReplaced runs a probe under a context it then cancels.
func CaseCancelFieldCtxReplaced() {
	ctx, cancel := context.WithCancel(context.Background())
	runProbe(ctx)
	cancel()
}
