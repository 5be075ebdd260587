package goroutineexit

import (
	"context"
	"time"
)

func warmShard(shard int) error {
	time.Sleep(20 * time.Millisecond)
	_ = shard
	return nil
}

// warmUp waits for the shard to warm up or for ctx, whichever comes
// first; both cases have empty bodies, so go/ssa merges them into the
// block after the select.
func warmUp(ctx context.Context, shard int) {
	warmed := make(chan error)
	go func() {
		warmed <- warmShard(shard) // want `goroutine blocks forever sending on warmed: if the select takes <-ctx\.Done\(\), nothing receives from warmed`
	}()
	select {
	case <-warmed:
	case <-ctx.Done():
	}
	noteWarm(shard)
}

func noteWarm(int) {}

// CaseSelectEmptyCases gives up at once.
func CaseSelectEmptyCases() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	warmUp(ctx, 3)
}
