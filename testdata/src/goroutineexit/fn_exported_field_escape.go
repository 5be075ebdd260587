package goroutineexit

//oracle:falsenegative the channel is stored in an exported field of an exported type, so an importer could receive from it and the analyzer stays silent; here nobody does and the sender blocks forever

// Ticket carries the result of an asynchronous job in an exported field.
type Ticket struct {
	Result chan string
}

// issueTicket starts the job and stores its result channel in t.
func issueTicket(t *Ticket, job string) {
	t.Result = make(chan string)
	go func() {
		t.Result <- job + ": done"
	}()
}

// CaseExportedFieldEscape issues a ticket and never reads its result.
func CaseExportedFieldEscape() {
	t := &Ticket{}
	issueTicket(t, "reindex")
}
