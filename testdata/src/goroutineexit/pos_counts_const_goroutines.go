package goroutineexit

const hedgeFanout = 4

func hedgedRead(i int) string { return "copy-" + string(rune('a'+i)) }

// hedged sends the same read to four replicas and keeps the first copy;
// its buffer of two holds two of the three copies it does not read, and
// the last replica blocks forever.
func hedged() string {
	copies := make(chan string, 2)
	for i := range hedgeFanout {
		go func() {
			copies <- hedgedRead(i) // want `^goroutines started in a loop block forever sending on copies: at most 1 value is received and copies has a buffer of 2, so every goroutine beyond that blocks on this send$`
		}()
	}
	return <-copies
}

// CaseCountsConstGoroutines reads once from four replicas.
func CaseCountsConstGoroutines() {
	_ = hedged()
}
