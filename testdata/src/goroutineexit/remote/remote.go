// Package remote holds goroutine bodies for the goroutineexit corpus that
// live in another package than the go statements that start them.
package remote

import "time"

// Reply sends exactly one answer on out, after a short delay that stands
// for a round trip to a remote service.
func Reply(out chan<- string) {
	time.Sleep(2 * time.Millisecond)
	out <- "pong"
}
