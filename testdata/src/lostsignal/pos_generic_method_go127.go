//go:build go1.27

package lostsignal

// loader loads values of any type; load has a type parameter of its own
// (a generic method, Go 1.27).
type loader struct{ prefix string }

// load decodes the value of key in a goroutine and returns the channel
// delivering it.
func (l *loader) load[T any](key string, decode func(string) T) <-chan T {
	out := make(chan T)
	go func() {
		out <- decode(l.prefix + key)
	}()
	return out
}

// CaseGenericMethodLocal starts a load and never reads the value.
func CaseGenericMethodLocal() {
	l := &loader{prefix: "cfg/"}
	l.load("size", func(s string) int { return len(s) }) // want `the channel returned by l.load is discarded, so the goroutine started at line 13 blocks forever sending on it`
}
