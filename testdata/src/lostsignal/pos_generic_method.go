package lostsignal

// cache memoises values of any type.
type cache[K comparable, V any] struct {
	load func(K) V
}

// prefetch loads k in a goroutine and returns the channel delivering the
// value.
func (c *cache[K, V]) prefetch(k K) <-chan V {
	out := make(chan V)
	go func() {
		out <- c.load(k)
	}()
	return out
}

// CaseGenericMethod prefetches a key and never reads the value.
func CaseGenericMethod() {
	c := &cache[string, int]{load: func(s string) int { return len(s) }}
	c.prefetch("k") // want `the channel returned by c.prefetch is discarded, so the goroutine started at line 12 blocks forever sending on it`
}
