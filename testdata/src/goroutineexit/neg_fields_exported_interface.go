package goroutineexit

import "reflect"

// Parcel values are handed out as interfaces: whoever holds one may
// assert it back and receive from Out.
type Parcel struct {
	Out chan string
}

func shipParcel() any {
	p := &Parcel{Out: make(chan string)}
	go func() {
		p.Out <- "box"
	}()
	return p
}

// CaseFieldsExportedInterface receives through reflection, as code that
// asserted the interface would.
func CaseFieldsExportedInterface() {
	v := shipParcel()
	reflect.ValueOf(v).Elem().FieldByName("Out").Recv()
}
