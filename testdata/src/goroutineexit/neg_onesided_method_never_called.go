package goroutineexit

// gate's open channel is only ever made fresh by probeGate, which looks
// at its capacity; awaitOpen, which would block on it, is never called.
type gate struct{ open chan struct{} }

func (g *gate) awaitOpen() { <-g.open }

func probeGate() int {
	g := &gate{open: make(chan struct{})}
	return cap(g.open)
}

// CaseOneSidedMethodNeverCalled probes a gate.
func CaseOneSidedMethodNeverCalled() {
	_ = probeGate()
}
