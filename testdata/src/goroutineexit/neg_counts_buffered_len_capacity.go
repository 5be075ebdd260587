package goroutineexit

// reserveAll has one slot per key: every send fits.
func reserveAll(keys []string) int {
	slots := make(chan string, len(keys))
	for _, k := range keys {
		slots <- k
	}
	return len(slots)
}

// reserveN has n slots and sends n values.
func reserveN(n int) int {
	slots := make(chan int, n)
	for i := range n {
		slots <- i
	}
	return len(slots)
}

// CaseCountsBufferedLenCapacity reserves three keys and four numbers.
func CaseCountsBufferedLenCapacity() {
	_ = reserveAll([]string{"a", "b", "c"})
	_ = reserveN(4)
}
