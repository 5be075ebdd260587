package goroutineexit

// warmLoaded waits for the loader only when it was asked to load: the
// loader skips the signal exactly when nobody waits for it.
func warmLoaded(keys []string, load bool) int {
	loaded := make(chan struct{})
	n := 0
	go func() {
		if !load {
			return
		}
		n = len(keys)
		close(loaded)
	}()
	if !load {
		return 0
	}
	<-loaded
	return n
}

// CaseSignalWaitMatchesSkip warms the cache with and without loading.
func CaseSignalWaitMatchesSkip() {
	_ = warmLoaded([]string{"a"}, false)
	_ = warmLoaded([]string{"a"}, true)
}
