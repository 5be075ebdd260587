package lostsignal

import "strings"

// shout sends both words, upper-cased, one after the other.
func shout(a, b string) <-chan string {
	out := make(chan string)
	go func() {
		out <- strings.ToUpper(a)
		out <- strings.ToUpper(b)
	}()
	return out
}

// firstShout takes the first word only: the goroutine is left holding the
// second.
func firstShout(a, b string) string {
	return <-shout(a, b) // want `the goroutine started at line 8 sends at least 2 values on the channel returned by shout, but on the path that returns at line 18 only 1 is received, so one blocks forever sending`
}

// CaseFewerReceives shouts two words and keeps one.
func CaseFewerReceives() {
	_ = firstShout("hello", "world")
}
