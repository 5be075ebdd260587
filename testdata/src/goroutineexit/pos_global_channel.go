package goroutineexit

//oracle:goleak the channel is reachable from a package-level variable, so the goroutineleak profile always treats it as reachable; only the lingering goroutine shows the leak

// lastAudit holds the channel of the most recent audit, for debugging.
var lastAudit chan string

// audit starts an auditor whose verdict nobody ever reads.
func audit(user string) {
	verdicts := make(chan string)
	lastAudit = verdicts
	go func() {
		verdicts <- user + ": clean" // want `goroutine blocks forever sending on verdicts: on the path that reaches the end of audit, nothing receives from verdicts`
	}()
}

// CaseGlobalChannel audits one user.
func CaseGlobalChannel() {
	audit("mallory")
}
