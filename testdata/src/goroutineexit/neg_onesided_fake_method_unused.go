package goroutineexit

// lister is the interface a fake satisfies; only Names is ever called.
type lister interface {
	Names() []string
	Since(rev int) []string
}

// fakeLister answers Since from a channel no test ever fills; but nothing
// calls Since.
type fakeLister struct {
	sinceResp chan []string
}

func (f *fakeLister) Names() []string { return []string{"a"} }

func (f *fakeLister) Since(rev int) []string { return <-f.sinceResp }

// CaseOneSidedFakeMethodUnused lists names through the interface.
func CaseOneSidedFakeMethodUnused() {
	var l lister = &fakeLister{sinceResp: make(chan []string, 1)}
	_ = l.Names()
}
