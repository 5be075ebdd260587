package goroutineexit

type flushTarget struct{ lines []string }

func (t *flushTarget) flush() { t.lines = t.lines[:0] }

// flushOnDone waits for done only when it has a target to flush, and the
// function closes done on exactly that condition.
func flushOnDone(target *flushTarget, lines []string) int {
	done := make(chan struct{})
	go func() {
		if target == nil {
			return
		}
		<-done
		target.flush()
	}()
	if target == nil {
		return 0
	}
	target.lines = append(target.lines, lines...)
	close(done)
	return len(lines)
}

// CaseCountsCorrelatedReceiver flushes with and without a target.
func CaseCountsCorrelatedReceiver() {
	_ = flushOnDone(nil, []string{"a"})
	_ = flushOnDone(&flushTarget{}, []string{"a"})
}
