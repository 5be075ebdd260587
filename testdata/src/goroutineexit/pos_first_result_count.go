package goroutineexit

import "math/rand/v2"

func hedgedAttempt(attempt int) int {
	return attempt*1000 + rand.IntN(1000)
}

// hedgedRequest fires n identical attempts and takes the first reply: n-1
// goroutines are left blocked on their send.
func hedgedRequest(n int) int {
	replies := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			replies <- hedgedAttempt(i) // want `goroutines started in a loop block forever sending on replies`
		}()
	}
	return <-replies
}

// CaseFirstResultCount hedges over four attempts.
func CaseFirstResultCount() {
	_ = hedgedRequest(4)
}
