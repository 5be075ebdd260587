package rangeclose

// CaseContinueNotExit has a loop whose only branch is a continue: continue
// goes back to the receive, it is no way out of the loop.
func CaseContinueNotExit() {
	nums := make(chan int)
	odd := make(chan int)
	go func() {
		for n := range nums { // want "range over channel nums never ends"
			if n%2 == 0 {
				continue
			}
			odd <- n
		}
	}()
	for i := 0; i < 6; i++ {
		nums <- i
		if i%2 == 1 {
			<-odd
		}
	}
}
