package lostsignal

// indexer builds a search index.
type indexer struct {
	docs []string
}

// Build indexes the documents in a goroutine and returns the channel on
// which it reports how many it indexed.
func (ix *indexer) Build() <-chan int { // want Build:`handles\(0:send\)`
	done := make(chan int)
	go func() {
		done <- len(ix.docs)
	}()
	return done
}

// CaseMethodResult starts an index build and never learns how it went.
func CaseMethodResult() {
	ix := &indexer{docs: []string{"a", "b"}}
	ix.Build() // want `the channel returned by ix.Build is discarded`
}
