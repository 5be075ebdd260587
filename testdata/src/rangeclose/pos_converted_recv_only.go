package rangeclose

// CaseConvertedRecvOnly converts the channel to a receive-only channel
// before handing it to the consumer; the original is never closed either.
func CaseConvertedRecvOnly() {
	lines := make(chan string)
	lengths := make(chan int)
	go measureLines((<-chan string)(lines), lengths)
	for _, l := range []string{"alpha", "be", "gamma"} {
		lines <- l
		<-lengths
	}
}

func measureLines(src <-chan string, lengths chan<- int) {
	for l := range src { // want "range over channel src never ends"
		lengths <- len(l)
	}
	close(lengths)
}
