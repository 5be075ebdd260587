package rangeclose

// CaseBreakOnCondition breaks out of the loop when a condition holds, and
// the values sent make it hold.
func CaseBreakOnCondition() {
	readings := make(chan int)
	alarm := make(chan int)
	go func() {
		last := 0
		for r := range readings {
			last = r
			if r > 100 {
				break
			}
		}
		alarm <- last
	}()
	for _, r := range []int{20, 60, 140} {
		readings <- r
	}
	<-alarm
}
