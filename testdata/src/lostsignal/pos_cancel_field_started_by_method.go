package lostsignal

import "context"

// leaseKeeper renews a lease until its context is done.
type leaseKeeper struct {
	ctx     context.Context
	stop    context.CancelFunc
	renewed int
}

func (k *leaseKeeper) keep() {
	<-k.ctx.Done() // want `goroutine never finishes: nothing can call leaseKeeper.stop once acquireLease returns \(the leaseKeeper it made goes nowhere else\), and keep ends only when leaseKeeper.ctx is done`
	k.renewed = 0
}

// start runs the keeper in the background.
func (k *leaseKeeper) start() { go k.keep() }

// Release ends the keeper; nothing can call it on the one acquireLease made.
func (k *leaseKeeper) Release() { k.stop() }

// acquireLease starts a keeper through a method and keeps nothing of it.
func acquireLease(name string) bool {
	k := new(leaseKeeper)
	k.ctx, k.stop = context.WithCancel(context.Background())
	k.start()
	return name != ""
}

// CaseCancelFieldStartedByMethod acquires a lease once.
func CaseCancelFieldStartedByMethod() {
	_ = acquireLease("leader")
}
