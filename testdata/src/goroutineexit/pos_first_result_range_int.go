package goroutineexit

// anyShardHas asks every shard whether it holds key and trusts the first
// one to answer; the others block forever.
func anyShardHas(shards int, key string) bool {
	found := make(chan bool)
	for s := range shards {
		go func() {
			found <- (len(key)+s)%2 == 0 // want `goroutines started in a loop block forever sending on found`
		}()
	}
	return <-found
}

// CaseFirstResultRangeInt asks three shards.
func CaseFirstResultRangeInt() {
	_ = anyShardHas(3, "user:7")
}
