// Package closer holds helpers that close the channels they are given.
package closer

// Finish closes ch: nothing more will be sent on it.
func Finish(ch chan<- string) {
	close(ch)
}

// CloseAll closes every channel in chs.
func CloseAll[T any](chs ...chan T) {
	for _, ch := range chs {
		close(ch)
	}
}
