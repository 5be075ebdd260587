package rangeclose

// CaseGotoOutOfLoop leaves the loop with a goto once it has what it needs.
func CaseGotoOutOfLoop() {
	parts := make(chan string)
	joined := make(chan string)
	go func() {
		s := ""
		for p := range parts {
			s += p
			if len(s) >= 6 {
				goto done
			}
		}
	done:
		joined <- s
	}()
	parts <- "abc"
	parts <- "def"
	<-joined
}
