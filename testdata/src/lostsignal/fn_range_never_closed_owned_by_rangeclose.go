package lostsignal

//oracle:falsenegative rangeclose owns this goroutine: its range over in can never end, because nothing closes in, so even a caller that drained the result channel would not let it finish; lostsignal stays silent so that the leak gets one diagnostic (rangeclose's, at the range loop)

// squareStream squareStream what arrives on in, forever.
func squareStream(in chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

// CaseRangeNeverClosedOwnedByRangeclose feeds one value and drops the
// results: the goroutine blocks on its send, and would block in the range
// loop if the result were read.
func CaseRangeNeverClosedOwnedByRangeclose() {
	in := make(chan int)
	squareStream(in)
	in <- 3
}
