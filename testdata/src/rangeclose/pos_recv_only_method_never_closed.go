package rangeclose

// tickerFeed hands out its events receive-only; the producer sends a few
// and forgets to close them.
type tickerFeed struct{ events chan int }

// Events may be called from anywhere, but only to receive.
func (f *tickerFeed) Events() <-chan int { return f.events }

func (f *tickerFeed) produce(n int) {
	for i := 0; i < n; i++ {
		f.events <- i
	}
}

func totalEvents(f *tickerFeed) int {
	sum := 0
	for e := range f.Events() { // want `range over the channel returned by f\.Events\(\) never ends: it is never closed`
		sum += e
	}
	return sum
}

// CaseRecvOnlyMethodNeverClosed sums three events; the loop never ends.
func CaseRecvOnlyMethodNeverClosed() {
	f := &tickerFeed{events: make(chan int)}
	go f.produce(3)
	_ = totalEvents(f)
}
