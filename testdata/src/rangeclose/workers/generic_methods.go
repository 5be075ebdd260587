//go:build go1.27

package workers

// Tally counts what its consumers receive; its methods have type
// parameters of their own (generic methods, Go 1.27).
type Tally struct{ N int }

// Consume receives every value sent on in and returns when in is closed.
func (t *Tally) Consume[T any](in <-chan T) {
	for range in {
		t.N++
	}
}
