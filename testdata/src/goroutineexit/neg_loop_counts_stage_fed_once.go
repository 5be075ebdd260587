package goroutineexit

// upperOnce runs a one-stage pipeline on a single value: the stage sends
// once per value it is fed, and it is fed exactly one.
func upperOnce(s string) string {
	in := make(chan string)
	out := make(chan string)
	go func() {
		for {
			v, ok := <-in
			if !ok {
				return
			}
			out <- v + "!"
		}
	}()
	in <- s
	close(in)
	return <-out
}

// CaseLoopCountsStageFedOnce runs the stage once.
func CaseLoopCountsStageFedOnce() {
	_ = upperOnce("hi")
}
