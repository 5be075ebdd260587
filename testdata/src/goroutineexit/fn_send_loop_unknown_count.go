package goroutineexit

//oracle:falsenegative the goroutine sends once per line in a loop whose trip count is unknown statically; the analyzer only counts sends outside loops, so the blocked second send goes unreported

import "strings"

// firstLine streams every line of text to the caller, who only wants the
// first one: the streamer blocks on its second send forever.
func firstLine(text string) string {
	lines := make(chan string)
	go func() {
		for _, l := range strings.Split(text, "\n") {
			lines <- l
		}
	}()
	return <-lines
}

// CaseSendLoopUnknownCount reads the first of three lines.
func CaseSendLoopUnknownCount() {
	_ = firstLine("one\ntwo\nthree")
}
