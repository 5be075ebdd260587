package rangeclose

// logTail hands out its lines receive-only; the follower closes them
// when it is done.
type logTail struct{ lines chan string }

func (t *logTail) Lines() <-chan string { return t.lines }

func (t *logTail) follow(src []string) {
	defer close(t.lines)
	for _, l := range src {
		t.lines <- l
	}
}

func countLines(t *logTail) int {
	n := 0
	for range t.Lines() {
		n++
	}
	return n
}

// CaseRecvOnlyMethodClosed counts two lines.
func CaseRecvOnlyMethodClosed() {
	t := &logTail{lines: make(chan string)}
	go t.follow([]string{"a", "b"})
	_ = countLines(t)
}
