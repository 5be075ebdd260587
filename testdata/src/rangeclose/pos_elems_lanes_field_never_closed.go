package rangeclose

// shardSet keeps one channel per shard in an unexported field; its flush
// sends on every shard but nothing ever closes them.
type shardSet struct {
	shards []chan int
	done   chan int
}

func newShardSet(n int) *shardSet {
	s := &shardSet{shards: make([]chan int, n), done: make(chan int)}
	for i := range s.shards {
		s.shards[i] = make(chan int)
		go s.sum(s.shards[i])
	}
	return s
}

func (s *shardSet) sum(in <-chan int) {
	total := 0
	for v := range in { // want "range over channel in never ends"
		total += v
		s.done <- total
	}
}

func (s *shardSet) flush(v int) {
	for _, sh := range s.shards {
		sh <- v
		<-s.done
	}
}

// CaseShardsNeverClosed flushes twice and drops the set: every shard's
// goroutine is left in its range.
func CaseShardsNeverClosed() {
	s := newShardSet(2)
	s.flush(1)
	s.flush(2)
}
