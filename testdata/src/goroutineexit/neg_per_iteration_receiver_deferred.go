package goroutineexit

// watchAll releases every watcher when it returns: the deferred closes
// run then, whichever iteration made each channel.
func watchAll(tasks []string) {
	for _, t := range tasks {
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			<-stop
			cleanupTask(t)
		}()
		if t == "" {
			continue
		}
	}
}

// CasePerIterationReceiverDeferred skips the first task.
func CasePerIterationReceiverDeferred() {
	watchAll([]string{"", "index"})
}
