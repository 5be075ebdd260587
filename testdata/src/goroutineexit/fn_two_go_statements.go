package goroutineexit

//oracle:falsenegative two different go statements send on the same channel and only one value is received; the analyzer only sizes senders started by a single go statement, so the losing goroutine is not reported

func askPrimaryDNS() string   { return "10.0.0.1" }
func askSecondaryDNS() string { return "10.0.0.2" }

// resolveRace asks two servers and keeps whichever answers first.
func resolveRace() string {
	addr := make(chan string)
	go func() { addr <- askPrimaryDNS() }()
	go func() { addr <- askSecondaryDNS() }()
	return <-addr
}

// CaseTwoGoStatements resolves once.
func CaseTwoGoStatements() {
	_ = resolveRace()
}
