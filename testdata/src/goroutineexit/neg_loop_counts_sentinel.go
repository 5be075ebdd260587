package goroutineexit

const endOfParts = "end"

// joinParts reads until the end marker, which the sender sends last: the
// early way out of the loop is taken only after every value.
func joinParts() string {
	parts := make(chan string)
	go func() {
		for i := 0; i < 3; i++ {
			p := "part"
			if i == 2 {
				p = endOfParts
			}
			parts <- p
		}
	}()
	s := ""
	for {
		p, ok := <-parts
		if !ok || p == endOfParts {
			return s
		}
		s += p
	}
}

// CaseLoopCountsSentinel joins once.
func CaseLoopCountsSentinel() {
	_ = joinParts()
}
