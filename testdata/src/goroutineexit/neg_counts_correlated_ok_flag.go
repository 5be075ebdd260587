package goroutineexit

func lookupTicket(id string) string { return "ticket-" + id }

// resolveTicket decides once, before starting the lookup, whether the id
// is valid; the goroutine and the function both go by that flag.
func resolveTicket(id string) string {
	valid := len(id) == 6
	found := make(chan string)
	go func() {
		if !valid {
			return
		}
		found <- lookupTicket(id)
	}()
	if !valid {
		return ""
	}
	return <-found
}

// CaseCountsCorrelatedOkFlag resolves a valid and an invalid id.
func CaseCountsCorrelatedOkFlag() {
	_ = resolveTicket("abc")
	_ = resolveTicket("abc123")
}
