package rangeclose

// CaseReplyClosedByServer has a client goroutine send a reply channel over
// the request channel for each lookup; the server streams its answers on
// it and closes it, so the client's range ends every time.
func CaseReplyClosedByServer() {
	requests := make(chan chan string)
	go func() {
		for reply := range requests {
			for _, name := range []string{"ada", "alan"} {
				reply <- name
			}
			close(reply)
		}
	}()
	done := make(chan []string)
	go func() {
		var names []string
		for _, prefix := range []string{"a", "b"} {
			names = append(names, lookupNames(requests, prefix)...)
		}
		done <- names
	}()
	<-done
	close(requests)
}

// lookupNames asks the server for the names that start with prefix.
func lookupNames(requests chan<- chan string, prefix string) []string {
	reply := make(chan string)
	requests <- reply
	var names []string
	for name := range reply {
		names = append(names, prefix+name)
	}
	return names
}
