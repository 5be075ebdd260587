package goroutineexit

import "context"

// Registry answers lookups from one goroutine until its context ends.
type Registry struct {
	lookups chan lookup
	names   map[string]int
}

type lookup struct {
	name  string
	reply chan int
}

func NewRegistry(ctx context.Context) *Registry {
	r := &Registry{lookups: make(chan lookup), names: map[string]int{"a": 1}}
	go r.run(ctx)
	return r
}

func (r *Registry) run(ctx context.Context) {
	for {
		select {
		case l := <-r.lookups:
			l.reply <- r.names[l.name]
		case <-ctx.Done():
			return
		}
	}
}

// Lookup asks the loop, which may already have returned.
func (r *Registry) Lookup(name string) int {
	reply := make(chan int, 1)
	r.lookups <- lookup{name, reply} // want `blocks forever sending on r.lookups once run has returned on <-ctx.Done\(\): no other code receives from r.lookups`
	return <-reply
}

// CaseProtocolRequestAfterStop looks a name up after cancelling.
func CaseProtocolRequestAfterStop() {
	ctx, cancel := context.WithCancel(context.Background())
	r := NewRegistry(ctx)
	_ = r.Lookup("a")
	cancel()
	_ = r.Lookup("a")
}
