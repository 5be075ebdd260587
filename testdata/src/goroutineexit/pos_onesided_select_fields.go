package goroutineexit

// reloader waits for a reload or a shutdown request; nothing in the
// package ever sends either or closes them.
type reloader struct {
	reload   chan string
	shutdown chan struct{}
	applied  int
}

func (r *reloader) loop() {
	for {
		select { // want `select blocks forever: nothing in the package sends on or closes any of its channels`
		case <-r.reload:
			r.applied++
		case <-r.shutdown:
			return
		}
	}
}

func runReloader() *reloader {
	r := &reloader{reload: make(chan string), shutdown: make(chan struct{})}
	go r.loop()
	return r
}

// CaseOneSidedSelectFields starts a reloader that nothing can reach.
func CaseOneSidedSelectFields() {
	_ = runReloader()
}
