package rangeclose

// CaseOtherChannelClosed closes the wrong channel: the results channel is
// closed, the jobs channel the worker ranges over is not.
func CaseOtherChannelClosed() {
	jobs := make(chan string)
	results := make(chan int)
	go lengthWorker(jobs, results)
	for _, j := range []string{"x", "yy", "zzz"} {
		jobs <- j
		<-results
	}
	close(results)
}

func lengthWorker(jobs <-chan string, results chan<- int) {
	for j := range jobs { // want "range over channel jobs never ends"
		results <- len(j)
	}
}
