// Package failing leaks from a test that fails.
package failing

// Send blocks its goroutine on a send nobody receives.
func Send() {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
}
