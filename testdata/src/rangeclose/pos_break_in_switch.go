package rangeclose

// CaseBreakInSwitch has a break inside a switch in the loop body. That
// break leaves the switch, not the loop.
func CaseBreakInSwitch() {
	codes := make(chan int)
	seen := make(chan int)
	go func() {
		errs := 0
		for c := range codes { // want "range over channel codes never ends"
			switch {
			case c >= 500:
				errs++
				break
			case c < 0:
				break
			}
			seen <- errs
		}
	}()
	for _, c := range []int{200, 503, -1, 404} {
		codes <- c
		<-seen
	}
}
