package goroutineexit

// pendingNotice holds the channel of the latest notice; showNotice reads
// it from another function.
var pendingNotice chan string

func postNotice(text string) {
	notice := make(chan string)
	pendingNotice = notice
	go func() { notice <- text }()
}

func showNotice() string { return <-pendingNotice }

// CaseGlobalChannelDrained posts a notice and shows it.
func CaseGlobalChannelDrained() {
	postNotice("maintenance at noon")
	_ = showNotice()
}
