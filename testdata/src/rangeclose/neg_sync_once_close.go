package rangeclose

import "sync"

type onceStopper struct {
	once  sync.Once
	ticks chan int
}

func (o *onceStopper) stop() {
	o.once.Do(func() { close(o.ticks) })
}

// CaseSyncOnceClose closes the channel inside sync.Once.Do; stop may be
// called more than once.
func CaseSyncOnceClose() {
	o := &onceStopper{ticks: make(chan int)}
	finished := make(chan int)
	go func() {
		n := 0
		for range o.ticks {
			n++
		}
		finished <- n
	}()
	o.ticks <- 1
	o.ticks <- 2
	o.stop()
	o.stop()
	<-finished
}
