package rangeclose

// watcher is owned by whoever starts it; stop, a cancel function kept in
// the struct, closes the channel the watcher's goroutine ranges over.
type watcher struct {
	stop     func()
	finished chan int
}

func startWatcher(events chan string) *watcher {
	w := &watcher{
		stop:     func() { close(events) },
		finished: make(chan int),
	}
	go func() {
		n := 0
		for range events {
			n++
		}
		w.finished <- n
	}()
	return w
}

// CaseCancelFuncInStruct ends the watcher through the cancel function
// stored in its struct.
func CaseCancelFuncInStruct() {
	events := make(chan string)
	w := startWatcher(events)
	events <- "created"
	events <- "modified"
	w.stop()
	<-w.finished
}
