package goroutineexit

// stamper serves stamps until done is closed; only run, which sends all
// its requests before closing done, ever asks it.
type stamper struct {
	asks chan chan int
	done chan struct{}
	next int
}

func (s *stamper) serve() {
	for {
		select {
		case reply := <-s.asks:
			s.next++
			reply <- s.next
		case <-s.done:
			return
		}
	}
}

func (s *stamper) stamp() int {
	reply := make(chan int)
	s.asks <- reply
	return <-reply
}

func runStamper(n int) int {
	s := &stamper{asks: make(chan chan int), done: make(chan struct{})}
	go s.serve()
	last := 0
	for i := 0; i < n; i++ {
		last = s.stamp()
	}
	close(s.done)
	return last
}

// CaseProtocolUnexportedSender stamps three times, then stops the server.
func CaseProtocolUnexportedSender() {
	_ = runStamper(3)
}
