package goroutineexit

import (
	"log"
	"time"
)

func digestBlock(b string) string {
	time.Sleep(time.Millisecond)
	return b + "#"
}

// digestAll: the consumer's only way out is a timeout that ends the
// process; no goroutine is left behind by that path.
func digestAll(blocks []string) {
	digests := make(chan string)
	go func() {
		for _, b := range blocks {
			digests <- digestBlock(b)
		}
		close(digests)
	}()
	go func() {
		for {
			select {
			case d, ok := <-digests:
				if !ok {
					return
				}
				_ = d
			case <-time.After(time.Hour):
				log.Fatal("digest timed out")
				return
			}
		}
	}()
}

// CaseSchedTimeoutIsFatal digests two blocks.
func CaseSchedTimeoutIsFatal() {
	digestAll([]string{"a", "b"})
	time.Sleep(20 * time.Millisecond)
}
