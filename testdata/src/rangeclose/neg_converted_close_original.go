package rangeclose

// CaseConvertedCloseOriginal hands a receive-only view of the channel to
// the consumer and closes the original, bidirectional channel.
func CaseConvertedCloseOriginal() {
	orders := make(chan int)
	var view <-chan int = orders
	total := make(chan int)
	go sumOrders(view, total)
	orders <- 10
	orders <- 32
	close(orders)
	<-total
}

func sumOrders(in <-chan int, total chan<- int) {
	s := 0
	for o := range in {
		s += o
	}
	total <- s
}
