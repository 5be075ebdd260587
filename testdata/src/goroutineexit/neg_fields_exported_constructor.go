package goroutineexit

import "goroutineexit/fieldsremote"

// Lease is returned by an exported constructor: importers hold its values
// and may receive from Granted, though the package itself never does.
type Lease struct {
	Granted chan string
}

func NewLease(name string) *Lease {
	l := &Lease{Granted: make(chan string)}
	go func() {
		l.Granted <- name
	}()
	return l
}

// CaseFieldsExportedConstructor takes the grant as an importer would.
func CaseFieldsExportedConstructor() {
	l := NewLease("db")
	fieldsremote.Take(l, "Granted")
}
