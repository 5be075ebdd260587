package goroutineexit

// headerLines sends three header lines; the caller reads only the first
// two, so the goroutine blocks on its third send.
func headerLines(name string) (string, string) {
	hdr := make(chan string)
	go func() {
		hdr <- "From: " + name
		hdr <- "To: all"
		hdr <- "Subject: hi" // want `goroutine blocks forever on a third send on hdr: at most 2 values are received and hdr has no buffer`
	}()
	return <-hdr, <-hdr
}

// CaseThreeSendsTwoReceives reads two of three.
func CaseThreeSendsTwoReceives() {
	_, _ = headerLines("ops")
}
