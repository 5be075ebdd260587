package goroutineexit

// Journal appends entries in one goroutine that never stops: its stop
// channel is never closed, so Append always finds the loop.
type Journal struct {
	entries chan string
	halt    chan struct{}
	lines   []string
}

func NewJournal() *Journal {
	j := &Journal{entries: make(chan string), halt: make(chan struct{})}
	go j.write()
	return j
}

func (j *Journal) write() {
	for {
		select {
		case e := <-j.entries:
			j.lines = append(j.lines, e)
		case <-j.halt:
			return
		}
	}
}

func (j *Journal) Append(e string) { j.entries <- e }

// CaseProtocolLoopNeverStops appends twice.
//
//oracle:skip the writer itself outlives the case (nothing closes halt); the file guards only against reporting Append, whose loop never returns
func caseProtocolLoopNeverStops() {
	j := NewJournal()
	j.Append("a")
	j.Append("b")
}
