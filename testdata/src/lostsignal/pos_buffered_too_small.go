package lostsignal

// progress reports the two phases of a job on a channel with room for
// only one of them.
func progress(job string) <-chan string {
	phases := make(chan string, 1)
	go func() {
		phases <- job + ": started"
		phases <- job + ": finished"
	}()
	return phases
}

// CaseBufferedTooSmall ignores the job's progress: the buffer takes the
// first phase, and the goroutine blocks forever on the second.
func CaseBufferedTooSmall() {
	progress("backup") // want `the channel returned by progress is discarded`
}
