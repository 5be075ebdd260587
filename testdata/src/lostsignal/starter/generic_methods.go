//go:build go1.27

package starter

// Pool runs jobs in goroutines of their own; Submit has a type parameter
// of its own (a generic method, Go 1.27).
type Pool struct{}

// Submit runs f in a goroutine and returns the channel delivering its
// result. Nobody but the caller can receive it.
func (p *Pool) Submit[T any](f func() T) <-chan T { // want Submit:`handles\(0:send\)`
	out := make(chan T)
	go func() {
		out <- f()
	}()
	return out
}
