package rangeclose

// CaseSentinelReturn has a loop that returns when it receives a sentinel
// value, and the sentinel is sent: the loop ends without a close.
func CaseSentinelReturn() {
	cmds := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for c := range cmds {
			if c == "quit" {
				return
			}
		}
	}()
	cmds <- "status"
	cmds <- "reload"
	cmds <- "quit"
	<-done
}
