package goroutineexit

// verdictOf sends one of three verdicts, one per branch: one value per
// run, and one receive.
func verdictOf(score int) string {
	verdict := make(chan string)
	go func() {
		switch {
		case score > 80:
			verdict <- "pass"
		case score > 50:
			verdict <- "retry"
		default:
			verdict <- "fail"
		}
	}()
	return <-verdict
}

// threeSendsTwoBuffered sends three values into a buffer of one and
// receives two.
func threeSendsTwoBuffered() int {
	vals := make(chan int, 1)
	go func() {
		vals <- 1
		vals <- 2
		vals <- 3
	}()
	return <-vals + <-vals
}

// CaseThreeSendsOnePerPath takes each verdict once.
func CaseThreeSendsOnePerPath() {
	_ = verdictOf(90)
	_ = verdictOf(10)
	_ = threeSendsTwoBuffered()
}
