package goroutineexit

import "strconv"

// spawnFormat starts the goroutine that formats n onto out.
func spawnFormat(n int, out chan<- string) {
	go func() { out <- strconv.Itoa(n) }()
}

// formatted receives on every path, after the helper started the sender.
func formatted(n int) string {
	s := make(chan string)
	spawnFormat(n, s)
	if n < 0 {
		return "-" + <-s
	}
	return <-s
}

// CaseHelperStartsGoroutineReceived formats two numbers.
func CaseHelperStartsGoroutineReceived() {
	_ = formatted(-3)
	_ = formatted(4)
}
