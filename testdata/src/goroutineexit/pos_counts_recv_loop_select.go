package goroutineexit

import "context"

func loadShard(name string) error {
	if name == "" || name[0] == '!' {
		return errHostDown
	}
	return nil
}

// loadShards waits for one answer per shard, but returns at the first
// error or when the context ends: the shards not yet read block forever.
func loadShards(ctx context.Context, shards []string) error {
	errc := make(chan error)
	for _, s := range shards {
		go func() {
			errc <- loadShard(s) // want `^goroutines started in a loop block forever sending on errc: at most 0 values are received and errc has no buffer, so every goroutine beyond that blocks on this send$`
		}()
	}
	for range shards {
		select {
		case err := <-errc:
			if err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// CaseCountsRecvLoopSelect loads three shards that all fail.
func CaseCountsRecvLoopSelect() {
	_ = loadShards(context.Background(), []string{"!a", "!b", "!c"})
}
