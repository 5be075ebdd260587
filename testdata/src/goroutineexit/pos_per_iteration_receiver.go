package goroutineexit

func cleanupTask(string) {}

// superviseAll starts a watcher per task and releases it when the task is
// done; a task with no name is skipped before its watcher is released,
// and the next iteration makes a new stop channel.
func superviseAll(tasks []string) {
	for _, t := range tasks {
		stop := make(chan struct{})
		go func() {
			<-stop // want `goroutine blocks forever receiving from stop: on the path that .*, nothing sends on or closes stop`
			cleanupTask(t)
		}()
		if t == "" {
			continue
		}
		close(stop)
	}
}

// CasePerIterationReceiver skips the first task.
func CasePerIterationReceiver() {
	superviseAll([]string{"", "index"})
}
