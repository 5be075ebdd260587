package goroutineexit

// resultSink consumes a result channel; which implementation does so is
// known only at run time.
type resultSink interface {
	accept(results <-chan int)
}

type collectingSink struct{ got []int }

func (s *collectingSink) accept(results <-chan int) { s.got = append(s.got, <-results) }

// computeInto never receives itself: the channel escapes to an interface
// method, which here receives the one value.
func computeInto(s resultSink) {
	results := make(chan int)
	go func() {
		results <- 6 * 7
	}()
	s.accept(results)
}

// CaseEscapeInterface hands the results to a collecting sink.
func CaseEscapeInterface() {
	computeInto(&collectingSink{})
}
