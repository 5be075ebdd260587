package goroutineexit

import "goroutineexit/fieldsremote"

// Beacon values are published in an exported variable: importers may
// receive from Pulse.
type Beacon struct {
	Pulse chan int
}

var ActiveBeacon *Beacon

func lightBeacon() {
	b := &Beacon{Pulse: make(chan int)}
	ActiveBeacon = b
	go func() {
		b.Pulse <- 1
	}()
}

// CaseFieldsExportedGlobal takes one pulse as an importer would.
func CaseFieldsExportedGlobal() {
	lightBeacon()
	fieldsremote.Take(ActiveBeacon, "Pulse")
}
