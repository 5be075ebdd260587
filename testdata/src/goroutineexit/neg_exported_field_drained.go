package goroutineexit

// Export is an exported type whose exported channel field carries the
// outcome of a background export; importers receive from it.
type Export struct {
	Done chan error
	rows int
}

// StartExport sends on a channel that escapes in an exported field: the
// caller's receive is what releases the goroutine.
func StartExport(rows int) *Export {
	e := &Export{Done: make(chan error), rows: rows}
	go func() {
		e.Done <- nil
	}()
	return e
}

// CaseExportedFieldDrained waits for the export.
func CaseExportedFieldDrained() {
	e := StartExport(10)
	_ = <-e.Done
}
