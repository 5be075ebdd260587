package lostsignal

// collector owns a background goroutine, stopped by Close.
type collector struct {
	stop func()
}

// startCollecting starts a goroutine that runs until the returned function
// is called.
func startCollecting(in <-chan int) func() {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-in:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

func newCollector() *collector {
	return &collector{stop: startCollecting(make(chan int))}
}

// Close stops the goroutine.
func (c *collector) Close() { c.stop() }

// CaseStopStoredInStruct keeps the stop function in a struct and calls it
// in Close.
func CaseStopStoredInStruct() {
	c := newCollector()
	c.Close()
}
