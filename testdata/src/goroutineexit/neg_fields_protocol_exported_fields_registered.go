package goroutineexit

import "sync"

// gauge is the same protocol as tally, but every gauge is registered in a
// map of interfaces that any code may read: its exported fields may be
// used by code that asserted the value back, so they are not followed.
type gauge struct {
	Sets chan int
	Stop chan struct{}
	val  int
}

var gauges sync.Map

func newGauge(name string) *gauge {
	g := &gauge{Sets: make(chan int), Stop: make(chan struct{})}
	gauges.Store(name, g)
	go g.hold()
	return g
}

func (g *gauge) hold() {
	for {
		select {
		case v := <-g.Sets:
			g.val = v
		case <-g.Stop:
			return
		}
	}
}

// Set sends to the loop; this package only calls it while the loop runs.
func (g *gauge) Set(v int) {
	g.Sets <- v
}

// CaseFieldsProtocolExportedFieldsRegistered sets once, then stops.
func CaseFieldsProtocolExportedFieldsRegistered() {
	g := newGauge("load")
	g.Set(3)
	close(g.Stop)
}
