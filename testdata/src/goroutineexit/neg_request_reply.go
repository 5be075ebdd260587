package goroutineexit

// echoOnce starts a goroutine that waits for one request and answers it;
// the function sends the request and receives the reply on every path.
func echoOnce(msg string) string {
	req := make(chan string)
	resp := make(chan string)
	go func() {
		m := <-req
		resp <- "echo: " + m
	}()
	req <- msg
	return <-resp
}

// CaseRequestReply echoes one message.
func CaseRequestReply() {
	_ = echoOnce("hello")
}
