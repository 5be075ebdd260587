package goroutineexit

// countUntilStop stops counting at the stop word but then drains the rest,
// so the producer always finishes.
func countUntilStop(words []string, stop string) int {
	ws := make(chan string)
	go func() {
		defer close(ws)
		for _, w := range words {
			ws <- w
		}
	}()
	n := 0
	for w := range ws {
		if w == stop {
			break
		}
		n++
	}
	for range ws {
	}
	return n
}

// CaseLoopCountsDrainedAfterBreak stops early.
func CaseLoopCountsDrainedAfterBreak() {
	_ = countUntilStop([]string{"a", "stop", "b", "c"}, "stop")
}
