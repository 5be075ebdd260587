// Package tags has a leak only in the build with the tag mytag: a run
// that drops -tags reports nothing.
package tags

// First returns the first value fetch sends.
func First(fetch func(chan<- int)) int {
	ch := make(chan int, 1)
	go fetch(ch)
	return <-ch
}
