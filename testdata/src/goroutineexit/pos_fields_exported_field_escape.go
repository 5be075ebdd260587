package goroutineexit

// Ticket carries the result of an asynchronous job in an exported field.
// No Ticket leaves the package (no exported function takes or returns
// one, none is converted to an interface or handed to another package),
// so Result is followed like an unexported field: nothing receives from
// it.
type Ticket struct {
	Result chan string
}

// issueTicket starts the job and stores its result channel in t.
func issueTicket(t *Ticket, job string) {
	t.Result = make(chan string)
	go func() {
		t.Result <- job + ": done" // want `blocks forever sending on t\.Result: it is unbuffered and nothing in the package receives from it`
	}()
}

// CaseExportedFieldEscape issues a ticket and never reads its result.
func CaseExportedFieldEscape() {
	t := &Ticket{}
	issueTicket(t, "reindex")
}
