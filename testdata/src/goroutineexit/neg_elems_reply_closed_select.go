package goroutineexit

// CaseReplyClosedSelect hands a done channel to a worker over a channel
// of channels; the worker closes it when the job is finished, and the
// client waits for the close or gives up when the worker stops.
func CaseReplyClosedSelect() {
	jobs := make(chan chan struct{}, 1)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		done := <-jobs
		close(done)
	}()
	done := make(chan struct{})
	jobs <- done
	select {
	case <-done:
	case <-stopped:
	}
	<-stopped
}
