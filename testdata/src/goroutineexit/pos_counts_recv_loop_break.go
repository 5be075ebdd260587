package goroutineexit

type shardResult struct {
	shard int
	err   error
}

func scanShard(i int) shardResult {
	if i >= 0 {
		return shardResult{shard: i, err: errHostDown}
	}
	return shardResult{shard: i}
}

// scanShards counts the healthy shards and stops reading at the first
// failure: the shards still scanning block forever.
func scanShards(n int) int {
	results := make(chan shardResult)
	for i := 0; i < n; i++ {
		go func(shard int) {
			results <- scanShard(shard) // want `^goroutines started in a loop block forever sending on results: at most 1 value is received`
		}(i)
	}
	healthy := 0
	for i := 0; i < n; i++ {
		r := <-results
		if r.err != nil {
			break
		}
		healthy++
	}
	return healthy
}

// CaseCountsRecvLoopBreak scans four shards.
func CaseCountsRecvLoopBreak() {
	_ = scanShards(4)
}
