package goroutineexit

import "goroutineexit/fieldsremote"

// Chunk values are handed to another package, which may receive from
// Data.
type Chunk struct {
	Data chan []byte
}

func (c *Chunk) fill() {
	c.Data <- []byte("payload")
}

// CaseFieldsExportedOtherPackage fills one chunk and lets another package
// take it.
func CaseFieldsExportedOtherPackage() {
	c := &Chunk{Data: make(chan []byte)}
	go c.fill()
	fieldsremote.Take(c, "Data")
}
