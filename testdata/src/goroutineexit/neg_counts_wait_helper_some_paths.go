package goroutineexit

// awaitFlushIf waits for the flush only when asked to: the helper does not
// receive on every path.
func awaitFlushIf(flushed <-chan struct{}, wait bool) {
	if wait {
		<-flushed
	}
}

// flushAll skips the flush exactly when the helper does not wait for it.
func flushAll(buffers []string, dirty bool) int {
	flushed := make(chan struct{})
	n := 0
	go func() {
		if !dirty {
			return
		}
		n = len(buffers)
		close(flushed)
	}()
	awaitFlushIf(flushed, dirty)
	return n
}

// CaseCountsWaitHelperSomePaths flushes clean and dirty buffers.
func CaseCountsWaitHelperSomePaths() {
	_ = flushAll([]string{"a"}, false)
	_ = flushAll([]string{"a"}, true)
}
