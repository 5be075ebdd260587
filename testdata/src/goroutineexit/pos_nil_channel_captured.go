package goroutineexit

// publishEvents forgot to make the events channel; the goroutine that
// captured it sends on a nil channel, which blocks forever.
func publishEvents(names []string) int {
	var events chan string
	go func() {
		events <- "started" // want `goroutine blocks forever: a send on a nil channel never proceeds`
	}()
	return len(names)
}

// CaseNilChannelCaptured publishes one event.
func CaseNilChannelCaptured() {
	_ = publishEvents([]string{"deploy"})
}
