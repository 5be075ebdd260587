package lostsignal

import "sync"

// pump moves values from in to a sink until it is stopped.
type pump struct {
	in   chan int
	sink []int
}

// run starts the pump's goroutine. The returned function stops it, and
// may safely be called more than once.
func (p *pump) run() (stop func()) {
	stopped := make(chan struct{})
	var once sync.Once
	go p.loop(stopped)
	return func() {
		once.Do(func() { close(stopped) })
	}
}

func (p *pump) loop(stopped <-chan struct{}) {
	for {
		select {
		case v := <-p.in:
			p.sink = append(p.sink, v)
		case <-stopped:
			return
		}
	}
}

// CaseStopMethodOnce starts the pump and drops its stop function.
func CaseStopMethodOnce() {
	p := &pump{in: make(chan int)}
	p.run() // want `the stop function returned by p.run is discarded, but calling it is the only way to end the goroutine started at line 16`
}
