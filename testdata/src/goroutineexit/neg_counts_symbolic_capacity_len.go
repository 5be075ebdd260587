package goroutineexit

import "context"

// dialAny has a slot for the answer of every replica: none blocks, even
// when the context ends before any answer is read.
func dialAny(ctx context.Context, addrs []string) error {
	errc := make(chan error, len(addrs))
	for _, a := range addrs {
		go func() {
			errc <- dialReplica(a)
		}()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// dialAnyButOne reads one answer on every path, so a buffer one short of
// the replicas is enough.
func dialAnyButOne(addrs []string) error {
	errc := make(chan error, len(addrs)-1)
	for _, a := range addrs {
		go func() {
			errc <- dialReplica(a)
		}()
	}
	return <-errc
}

// CaseCountsSymbolicCapacityLen dials with an ended context, then reads
// one answer of three.
func CaseCountsSymbolicCapacityLen() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = dialAny(ctx, []string{"a", "b", "c"})
	_ = dialAnyButOne([]string{"a", "b", "c"})
}
