package lostsignal

// async runs f in a goroutine and returns the channel delivering its
// result, for any result type.
func async[T any](f func() T) <-chan T {
	out := make(chan T)
	go func() {
		out <- f()
	}()
	return out
}

// CaseGenericAsync starts two computations and keeps only one result.
func CaseGenericAsync() {
	sum := async(func() int { return 1 + 2 })
	async(func() string { return "unused" }) // want `the channel returned by async is discarded, so the goroutine started at line 7 blocks forever`
	<-sum
}
