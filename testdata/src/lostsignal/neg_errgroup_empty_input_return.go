package lostsignal

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

// applyAll starts one goroutine per migration, then returns early for an
// empty list before waiting: on that path the loop ran no iteration, so no
// goroutine was started. A path search that ignores the length test sees
// g.Go followed by the early return.
func applyAll(migrations []func() error) error {
	var g errgroup.Group
	for _, m := range migrations {
		g.Go(m)
	}
	if len(migrations) == 0 {
		return nil
	}
	return g.Wait()
}

// flushShards is the counted-loop form with a WaitGroup, and the length
// test written the other way round.
func flushShards(ctx context.Context, shards []string, flush func(context.Context, string)) int {
	var wg sync.WaitGroup
	for i := 0; i < len(shards); i++ {
		wg.Add(1)
		go func(shard string) {
			defer wg.Done()
			flush(ctx, shard)
		}(shards[i])
	}
	if 0 >= len(shards) {
		return 0
	}
	wg.Wait()
	return len(shards)
}

// CaseErrgroupEmptyInputReturn runs both with and without work.
func CaseErrgroupEmptyInputReturn() {
	_ = applyAll(nil)
	_ = applyAll([]func() error{func() error { return nil }, func() error { return nil }})
	flush := func(context.Context, string) {}
	_ = flushShards(context.Background(), nil, flush)
	_ = flushShards(context.Background(), []string{"a", "b"}, flush)
}
