package goroutineexit

import (
	"context"
	"time"
)

func dialReplica(addr string) error {
	time.Sleep(5 * time.Millisecond)
	if addr == "" {
		return errHostDown
	}
	return nil
}

// dialFirst leaves room for every answer but the one it reads; when the
// context ends first it reads none, and the last replica blocks.
func dialFirst(ctx context.Context, addrs []string) error {
	errc := make(chan error, len(addrs)-1)
	for _, a := range addrs {
		go func() {
			errc <- dialReplica(a) // want `^goroutines started in a loop block forever sending on errc: its buffer of len\(addrs\) - 1 holds 1 value fewer than the goroutines send, and if the select takes <-ctx\.Done\(\), at most 0 values are received$`
		}()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// CaseCountsSymbolicCapacityShort dials three replicas with a context
// that has already ended.
func CaseCountsSymbolicCapacityShort() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = dialFirst(ctx, []string{"a", "b", "c"})
}
