package lostsignal

import "context"

// sweeper clears expired entries until its context is done.
type sweeper struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *sweeper) sweep() { <-s.ctx.Done() }

//oracle:falsenegative the sweeper is started by a closure that captures it: the struct is followed only through calls of the package's functions, not into closures, so that nothing reads its cancel field is not known
func startSweeper() {
	s := &sweeper{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	go func() { s.sweep() }()
}

// CaseCancelFieldClosure starts a sweeper nobody can stop.
func CaseCancelFieldClosure() {
	startSweeper()
}
