// Package testmain leaks from a test of a package with its own TestMain.
package testmain

// Wait blocks its goroutine on a channel nobody sends on.
func Wait() {
	ch := make(chan struct{})
	go func() {
		<-ch
	}()
}
