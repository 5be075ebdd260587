// Package notests has no tests.
package notests

// Wait blocks its goroutine on a channel nobody sends on.
func Wait() {
	ch := make(chan struct{})
	go func() {
		<-ch
	}()
}
