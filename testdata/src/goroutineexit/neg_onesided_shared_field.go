package goroutineexit

// scoreSum sums what its feeder sends. The probe value built by
// probeScoreSum has a fresh channel that nothing feeds, but sum is never
// called on it: the receive in sum may be on either channel.
type scoreSum struct{ in chan int }

func (t *scoreSum) sum(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += <-t.in
	}
	return total
}

func feedScoreSum(n int) *scoreSum {
	t := &scoreSum{in: make(chan int)}
	go func() {
		for i := 0; i < n; i++ {
			t.in <- i
		}
	}()
	return t
}

// probeScoreSum is used only to inspect the type.
func probeScoreSum() int {
	t := &scoreSum{in: make(chan int)}
	return cap(t.in)
}

// CaseOneSidedSharedField sums a fed scoreSum.
func CaseOneSidedSharedField() {
	_ = probeScoreSum()
	_ = feedScoreSum(3).sum(3)
}
