package rangeclose

//oracle:falsenegative the channel is handed to a method called through an interface; the analyzer cannot know which code receives it, so it must stay silent although the consumer behind the interface ranges over it forever

type lineSink interface {
	consume(lines <-chan string)
}

type countingSink struct {
	counted chan int
}

func (s countingSink) consume(lines <-chan string) {
	n := 0
	for range lines {
		n++
		s.counted <- n
	}
}

// CaseEscapeInterfaceMethod starts the consumer through an interface
// method and never closes the channel.
func CaseEscapeInterfaceMethod() {
	counted := make(chan int)
	var sink lineSink = countingSink{counted: counted}
	lines := make(chan string)
	go sink.consume(lines)
	for _, l := range []string{"first", "second"} {
		lines <- l
		<-counted
	}
}
