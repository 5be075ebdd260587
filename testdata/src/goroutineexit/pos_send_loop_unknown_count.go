package goroutineexit

import "strings"

// firstLine streams every line of text to the caller, who only wants the
// first one: the streamer blocks on its second send forever.
func firstLine(text string) string {
	lines := make(chan string)
	go func() {
		for _, l := range strings.Split(text, "\n") {
			lines <- l // want `goroutine blocks forever sending on lines in a loop: on the path that returns at line 14, at most 1 value is received from lines, and lines has no buffer, so a loop that runs more than 1 time blocks on its send`
		}
	}()
	return <-lines
}

// CaseSendLoopUnknownCount reads the first of three lines.
func CaseSendLoopUnknownCount() {
	_ = firstLine("one\ntwo\nthree")
}
