package goroutineexit

const replicaCount = 3

func readReplica(i int) string { return "replica-" + string(rune('a'+i)) }

// quorumRead starts one reader per replica and takes the first answer; the
// channel holds as many values as there are readers, so none blocks.
func quorumRead() string {
	answers := make(chan string, replicaCount)
	for i := 0; i < replicaCount; i++ {
		go func() {
			answers <- readReplica(i)
		}()
	}
	return <-answers
}

// CaseCapacityMatchesGoroutines reads once.
func CaseCapacityMatchesGoroutines() {
	_ = quorumRead()
}
