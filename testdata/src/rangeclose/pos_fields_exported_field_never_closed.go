package rangeclose

// Feed is an exported type, but no Feed leaves the package (no exported
// function takes or returns one, none is converted to an interface or
// handed to another package): its exported Items field is followed like an
// unexported one, and nothing closes it.
type Feed struct {
	Items chan string
	acks  chan int
}

func (f *Feed) pump() {
	n := 0
	for range f.Items { // want `range over channel f\.Items never ends: f\.Items is never closed`
		n++
		f.acks <- n
	}
}

// CaseExportedFieldNeverClosed starts the pump and never closes Items.
func CaseExportedFieldNeverClosed() {
	f := &Feed{Items: make(chan string), acks: make(chan int)}
	go f.pump()
	f.Items <- "news"
	<-f.acks
	f.Items <- "weather"
	<-f.acks
}
