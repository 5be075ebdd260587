package lostsignal

import "context"

// tailer follows a log until its context is done.
type tailer struct {
	path   string
	lines  int
	ctx    context.Context
	cancel context.CancelFunc
}

// count reads the tailer's fields, but not its cancel function.
func count(t *tailer) int { return len(t.path) + t.lines }

// follow waits for the end of the tailer's context.
func follow(t *tailer) {
	<-t.ctx.Done() // want `goroutine never finishes: nothing can call tailer.cancel once startTail returns \(the tailer it made goes nowhere else\), and follow ends only when tailer.ctx is done`
	t.lines = 0
}

func startTail(path string) int {
	var t tailer
	t.path = path
	ctx, cancel := context.WithCancel(context.TODO())
	t.ctx, t.cancel = ctx, cancel
	count(&t)
	go follow(&t)
	return len(t.path)
}

// CaseCancelFieldHelper starts a tail that nothing can stop.
func CaseCancelFieldHelper() {
	_ = startTail("/var/log/app.log")
}
