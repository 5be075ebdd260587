package lostsignal

// lookup resolves name in a goroutine and returns the channel on which the
// goroutine delivers the answer.
func lookup(name string) <-chan string {
	answer := make(chan string)
	go func() {
		answer <- "addr of " + name
	}()
	return answer
}

// CaseDiscardedResultChan starts a lookup and forgets it: its goroutine
// blocks forever on its send.
func CaseDiscardedResultChan() {
	lookup("example.org") // want `the channel returned by lookup is discarded, so the goroutine started at line 7 blocks forever sending on it`
}
