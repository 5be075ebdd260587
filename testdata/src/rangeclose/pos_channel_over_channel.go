package rangeclose

// CaseChannelOverChannel sends a reply channel to a server goroutine that
// answers three times and returns without closing it; the client ranges
// over the replies forever.
func CaseChannelOverChannel() {
	requests := make(chan chan int)
	go func() {
		reply := <-requests
		for i := 0; i < 3; i++ {
			reply <- i
		}
	}()
	received := make(chan int)
	go func() {
		reply := make(chan int)
		requests <- reply
		for r := range reply { // want "range over channel reply never ends"
			received <- r
		}
	}()
	for i := 0; i < 3; i++ {
		<-received
	}
}
