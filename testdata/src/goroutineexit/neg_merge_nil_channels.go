package goroutineexit

// mergeSorted merges two channels; a channel that is drained is set to nil
// so that its select case is disabled. The nil channel is a tool here, not
// a leak: the loop ends when both inputs are closed.
func mergeSorted(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}

func feedInts(xs ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

// CaseMergeNilChannels merges two short streams to the end.
func CaseMergeNilChannels() {
	total := 0
	for v := range mergeSorted(feedInts(1, 3, 5), feedInts(2, 4)) {
		total += v
	}
	_ = total
}
