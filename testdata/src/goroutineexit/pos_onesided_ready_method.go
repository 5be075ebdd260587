package goroutineexit

import "strings"

// indexWarmer is ready once its index is built; but nothing ever marks
// it ready.
type indexWarmer struct {
	words   []string
	indexed chan struct{}
}

func newIndexWarmer(text string) *indexWarmer {
	return &indexWarmer{words: strings.Fields(text), indexed: make(chan struct{})}
}

// Indexed hands out the readiness channel, receive-only.
func (w *indexWarmer) Indexed() <-chan struct{} { return w.indexed }

func (w *indexWarmer) count() int { return len(w.words) }

// lookupWhenReady waits for readiness in the caller itself.
func lookupWhenReady(w *indexWarmer) int {
	<-w.Indexed() // want `blocks forever receiving from w.Indexed\(\): nothing in the package sends on or closes it`
	return w.count()
}

// CaseOneSidedReadyMethod looks a word up; the call never returns.
func CaseOneSidedReadyMethod() {
	_ = lookupWhenReady(newIndexWarmer("alpha beta"))
}
