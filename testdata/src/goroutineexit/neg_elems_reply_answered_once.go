package goroutineexit

// priceServer answers every request on the reply channel the request
// carries, once.
func priceServer(requests <-chan chan float64) {
	price := 100.0
	for reply := range requests {
		price *= 1.01
		reply <- price
	}
}

// CaseReplyAnsweredOnce sends a fresh reply channel over the request
// channel for each quote and receives the one answer: the server's send
// always finds the client.
func CaseReplyAnsweredOnce() {
	requests := make(chan chan float64)
	go priceServer(requests)
	total := 0.0
	for i := 0; i < 3; i++ {
		reply := make(chan float64)
		requests <- reply
		total += <-reply
	}
	close(requests)
	_ = total
}
