package rangeclose

import "reflect"

// Mailbox is an exported type with an exported channel field: any
// importer may close In.
type Mailbox struct {
	In chan string
}

func (m *Mailbox) serve(done chan<- int) {
	n := 0
	for range m.In {
		n++
	}
	done <- n
}

// CaseExportedFieldReflectClose closes the exported field through
// reflection: no close statement names the channel, yet it is closed.
func CaseExportedFieldReflectClose() {
	m := &Mailbox{In: make(chan string)}
	done := make(chan int)
	go m.serve(done)
	m.In <- "letter"
	m.In <- "parcel"
	reflect.ValueOf(m).Elem().FieldByName("In").Close()
	<-done
}
