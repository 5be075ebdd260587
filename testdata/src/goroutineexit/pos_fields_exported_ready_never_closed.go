package goroutineexit

// Probe is an exported type, but no value of it leaves the package: no
// exported function takes or returns one, none is converted to an
// interface or handed to another package. Its exported Ready field is
// then as private as an unexported one, and nothing closes it.
type Probe struct {
	Target string
	Ready  chan struct{}
}

func (p *Probe) await(results chan<- string) {
	<-p.Ready // want `blocks forever receiving from p\.Ready: nothing in the package sends on or closes it`
	results <- p.Target
}

// CaseFieldsExportedReadyNeverClosed probes one target and never marks it
// ready.
func CaseFieldsExportedReadyNeverClosed() {
	p := &Probe{Target: "db", Ready: make(chan struct{})}
	go p.await(make(chan string, 1))
}
