//go:build mytag

package tags

// Tagged gives up on the result of its goroutine when ok is false, and
// the goroutine then blocks forever on its send.
func Tagged(ok bool) int {
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	if !ok {
		return 0
	}
	return <-ch
}
