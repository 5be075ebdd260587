package goroutineexit

// downloadWithHeader sends the header and then the body; the caller
// receives both.
func downloadWithHeader(name string) (string, string) {
	parts := make(chan string)
	go func() {
		parts <- "Content-Type: text/plain"
		parts <- "contents of " + name
	}()
	header := <-parts
	body := <-parts
	return header, body
}

// CaseDoubleSendTwoReceives downloads one file.
func CaseDoubleSendTwoReceives() {
	_, _ = downloadWithHeader("notes.txt")
}
