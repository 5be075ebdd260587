package goroutineexit

// pending computes a value in the background and keeps it in a field
// that nothing ever reads.
type pending[T any] struct {
	out chan T
}

func (p *pending[T]) compute(f func() T) {
	p.out <- f() // want `blocks forever sending on p.out: it is unbuffered and nothing in the package receives from it`
}

func startPending[T any](f func() T) *pending[T] {
	p := &pending[T]{out: make(chan T)}
	go p.compute(f)
	return p
}

// CaseOneSidedGenericResult starts a computation whose result is lost.
func CaseOneSidedGenericResult() {
	_ = startPending(func() int { return 6 * 7 })
}
