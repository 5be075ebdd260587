package goroutineexit

// collectUntilSentinel has a goroutine with a for loop whose way out is a
// return on a sentinel value; the function sends the sentinel.
func collectUntilSentinel(words []string) int {
	in := make(chan string)
	count := make(chan int)
	go func() {
		n := 0
		for {
			w := <-in
			if w == "" {
				count <- n
				return
			}
			n++
		}
	}()
	for _, w := range words {
		in <- w
	}
	in <- ""
	return <-count
}

// CaseGoroutineReturnsInLoop counts three words.
func CaseGoroutineReturnsInLoop() {
	_ = collectUntilSentinel([]string{"a", "b", "c"})
}
