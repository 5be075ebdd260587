package goroutineexit

// threeShards sends exactly three shards; the caller takes two.
func threeShards(key string) (string, string) {
	shards := make(chan string)
	go func() {
		for i := 0; i < 3; i++ {
			shards <- key + string(rune('a'+i)) // want `goroutine blocks forever sending on shards in a loop: the loop sends 3 values, at most 2 are received and shards has no buffer`
		}
	}()
	a := <-shards
	b := <-shards
	return a, b
}

// CaseLoopCountsConstTrip reads two of three.
func CaseLoopCountsConstTrip() {
	_, _ = threeShards("k")
}
