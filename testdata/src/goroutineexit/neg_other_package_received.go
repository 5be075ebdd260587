package goroutineexit

import "goroutineexit/remote"

// pingAndWait starts remote.Reply, which sends once, and always receives
// its answer.
func pingAndWait() string {
	answer := make(chan string)
	go remote.Reply(answer)
	return <-answer
}

// CaseOtherPackageReceived pings once.
func CaseOtherPackageReceived() {
	_ = pingAndWait()
}
