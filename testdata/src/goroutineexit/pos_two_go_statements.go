package goroutineexit

import "time"

func askPrimaryDNS() string { return "10.0.0.1" }

// askSecondaryDNS is the slower server: the one whose answer is left.
func askSecondaryDNS() string {
	time.Sleep(20 * time.Millisecond)
	return "10.0.0.2"
}

// resolveRace asks two servers and keeps whichever answers first.
func resolveRace() string {
	addr := make(chan string)
	go func() { addr <- askPrimaryDNS() }()
	go func() { addr <- askSecondaryDNS() }() // want `one of 2 goroutines blocks forever sending on addr: they send 2 values, and on the path that returns at line 18, at most 1 is received and addr has no buffer`
	return <-addr
}

// CaseTwoGoStatements resolves once.
func CaseTwoGoStatements() {
	_ = resolveRace()
}
