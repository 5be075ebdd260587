// Package workers holds consumers that range over the channels they are
// given until those channels are closed.
package workers

// Drain receives every value sent on in and returns when in is closed.
func Drain(in <-chan string) {
	for v := range in {
		_ = v
	}
}

// Count returns how many values were sent on in before it was closed.
func Count(in <-chan int) int {
	n := 0
	for range in {
		n++
	}
	return n
}

// Forward copies every value of in to out and closes out once in is
// closed.
func Forward(in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		out <- v
	}
}
