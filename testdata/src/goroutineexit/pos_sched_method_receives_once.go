package goroutineexit

import "strings"

// wordTally counts the words of two texts in the background and hands the
// counts over one at a time.
type wordTally struct{ counts chan int }

// launch starts the counting: two counts, one after the other.
func (t *wordTally) launch(a, b string) {
	go func() {
		t.counts <- len(strings.Fields(a))
		t.counts <- len(strings.Fields(b)) // want `goroutine blocks forever sending on t\.counts: wordsOfFirst returns at line 24, and nothing else receives from t\.counts`
	}()
}

// firstCount takes one count.
func (t *wordTally) firstCount() int { return <-t.counts }

// wordsOfFirst only wants the first count: the second is sent to nobody.
func wordsOfFirst(a, b string) int {
	t := &wordTally{counts: make(chan int)}
	t.launch(a, b)
	return t.firstCount()
}

// CaseSchedMethodReceivesOnce counts two texts and keeps one count.
func CaseSchedMethodReceivesOnce() {
	_ = wordsOfFirst("one two", "three four five")
}
