package lostsignal

import "strings"

// words streams the words of s and closes the channel after the last.
func words(s string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range strings.Fields(s) {
			out <- w
		}
	}()
	return out
}

// longest reads every word: the loop ends only when words closes the
// channel.
func longest(s string) string {
	best := ""
	for w := range words(s) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// firstLong stops at the first long word but drains the rest, so the
// goroutine always reaches its close.
func firstLong(s string) string {
	ws := words(s)
	found := ""
	for w := range ws {
		if len(w) > 4 {
			found = w
			break
		}
	}
	for range ws {
	}
	return found
}

// CaseStreamReadToEnd reads two streams to their ends.
func CaseStreamReadToEnd() {
	_ = longest("a bb ccc")
	_ = firstLong("tiny enormous small words")
}
