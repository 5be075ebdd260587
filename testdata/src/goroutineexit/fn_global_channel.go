package goroutineexit

//oracle:goleak the channel is reachable from a package-level variable, so the goroutineleak profile always treats it as reachable; only the lingering goroutine shows the leak
//oracle:falsenegative the channel escapes to a global, where any code could receive from it, so the analyzer stays silent; nothing ever does and the sender blocks forever

// lastAudit holds the channel of the most recent audit, for debugging.
var lastAudit chan string

// audit starts an auditor whose verdict nobody ever reads.
func audit(user string) {
	verdicts := make(chan string)
	lastAudit = verdicts
	go func() {
		verdicts <- user + ": clean"
	}()
}

// CaseGlobalChannel audits one user.
func CaseGlobalChannel() {
	audit("mallory")
}
