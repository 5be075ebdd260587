package goroutineexit

import "context"

// loadEvery reads one answer per shard and keeps the first error; it
// gives up only on the context, which is never done here, and with room
// for every answer, none blocks even then.
func loadEvery(ctx context.Context, shards []string) error {
	errc := make(chan error, len(shards))
	for _, s := range shards {
		go func() {
			errc <- loadShard(s)
		}()
	}
	var first error
	for range shards {
		select {
		case err := <-errc:
			if err != nil && first == nil {
				first = err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return first
}

// CaseCountsRecvLoopSelectAll loads three shards, two of them failing.
func CaseCountsRecvLoopSelectAll() {
	_ = loadEvery(context.Background(), []string{"!a", "b", "!c"})
}
