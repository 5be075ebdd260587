package rangeclose

import "strconv"

// CaseClosureCapture ranges over a captured channel inside a goroutine
// literal. The channel is fed but never closed.
func CaseClosureCapture() {
	scores := make(chan int)
	acks := make(chan string)
	go func() {
		total := 0
		for s := range scores { // want "range over channel scores never ends"
			total += s
			acks <- strconv.Itoa(total)
		}
	}()
	for i := 1; i <= 3; i++ {
		scores <- i
		<-acks
	}
}
