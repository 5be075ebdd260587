package goroutineexit

import "strconv"

// formatCount receives the goroutine's value on both branches of the if.
func formatCount(n int, verbose bool) string {
	digits := make(chan string)
	go func() {
		digits <- strconv.Itoa(n)
	}()
	if verbose {
		return "count=" + <-digits
	}
	d := <-digits
	return d
}

// CaseReceiveOnBothBranches formats both ways.
func CaseReceiveOnBothBranches() {
	_ = formatCount(7, true)
	_ = formatCount(7, false)
}
