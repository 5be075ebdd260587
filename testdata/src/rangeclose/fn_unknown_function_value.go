package rangeclose

//oracle:falsenegative the channel is passed to a function value received as a parameter; the analyzer does not know which function that is, so it stays silent although the consumer actually started ranges forever

func sumUntilClosed(in <-chan int, partial chan<- int) {
	s := 0
	for v := range in {
		s += v
		partial <- s
	}
}

func launchWith(start func(<-chan int, chan<- int), in <-chan int, partial chan<- int) {
	go start(in, partial)
}

// CaseUnknownFunctionValue starts the consumer through a function value
// and never closes the channel.
func CaseUnknownFunctionValue() {
	in := make(chan int)
	partial := make(chan int)
	launchWith(sumUntilClosed, in, partial)
	for i := 1; i <= 3; i++ {
		in <- i
		<-partial
	}
}
