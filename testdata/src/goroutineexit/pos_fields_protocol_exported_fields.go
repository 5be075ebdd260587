package goroutineexit

import "time"

// fieldTally is unexported but its channels are exported fields, as code
// converted from an exported type often keeps them; no fieldTally leaves the
// package, so the fields are one protocol like unexported ones.
type fieldTally struct {
	Adds chan int
	Quit chan struct{}
	sum  int
}

func newFieldTally() *fieldTally {
	t := &fieldTally{Adds: make(chan int), Quit: make(chan struct{})}
	go t.count()
	return t
}

func (t *fieldTally) count() {
	for {
		select {
		case n := <-t.Adds:
			t.sum += n
		case <-t.Quit:
			return
		}
	}
}

// Add sends to the loop, which may have quit.
func (t *fieldTally) Add(n int) {
	t.Adds <- n // want `blocks forever sending on t\.Adds once count has returned on <-t\.Quit: no other code receives from t\.Adds`
}

// CaseFieldsProtocolExportedFields adds after quitting.
func CaseFieldsProtocolExportedFields() {
	t := newFieldTally()
	t.Add(1)
	close(t.Quit)
	time.Sleep(time.Millisecond) // let count see Quit
	go t.Add(2)
}
