//go:build go1.27

package rangeclose

import "rangeclose/workers"

// CaseGenericMethodClosed feeds both generic methods and closes their
// channels when done.
func CaseGenericMethodClosed() {
	var t workers.Tally
	words := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.Consume(words)
	}()
	words <- "a"
	close(words)
	<-done

	s := summer{results: make(chan float64, 2)}
	nums := make(chan int)
	go s.add(nums)
	nums <- 1
	nums <- 2
	close(nums)
}
