package goroutineexit

// classify sends one verdict per call, on one branch or the other: the
// buffer of one always has room.
func classify(score int) string {
	verdict := make(chan string, 1)
	if score > 50 {
		verdict <- "pass"
	} else {
		verdict <- "fail"
	}
	if score > 90 {
		return "honours"
	}
	return "plain"
}

// CaseCountsBufferedBranches classifies two scores.
func CaseCountsBufferedBranches() {
	_ = classify(95)
	_ = classify(10)
}
