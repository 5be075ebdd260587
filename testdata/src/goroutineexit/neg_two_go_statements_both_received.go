package goroutineexit

func loadLeft() []int  { return []int{1} }
func loadRight() []int { return []int{2, 3} }

// mergeHalves starts both loaders, then receives a value from each.
func mergeHalves() int {
	halves := make(chan []int)
	go func() { halves <- loadLeft() }()
	go func() { halves <- loadRight() }()
	a, b := <-halves, <-halves
	return len(a) + len(b)
}

// receiveBetween takes the first loader's value before starting the
// second: one receive per goroutine, though the count from the last go
// statement alone sees only one.
func receiveBetween() int {
	part := make(chan []int)
	go func() { part <- loadLeft() }()
	n := len(<-part)
	go func() { part <- loadRight() }()
	return n + len(<-part)
}

// CaseTwoGoStatementsBothReceived merges once each way.
func CaseTwoGoStatementsBothReceived() {
	_ = mergeHalves()
	_ = receiveBetween()
}
