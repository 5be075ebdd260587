package rangeclose

// CaseDeferredClose closes the channel with a defer in the function that
// makes it and feeds it; the consumer's loop ends when the function returns.
func CaseDeferredClose() {
	done := make(chan int)
	feedDeferred(done)
	<-done
}

func feedDeferred(done chan<- int) {
	words := make(chan string)
	defer close(words)
	go func() {
		n := 0
		for range words {
			n++
		}
		done <- n
	}()
	words <- "deferred"
	words <- "close"
}
