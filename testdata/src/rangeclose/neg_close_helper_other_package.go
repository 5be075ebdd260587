package rangeclose

import "rangeclose/closer"

// CaseCloseHelperOtherPackage closes the channel through closer.Finish, a
// function of another package that closes its parameter.
func CaseCloseHelperOtherPackage() {
	names := make(chan string)
	count := make(chan int)
	go func() {
		n := 0
		for range names {
			n++
		}
		count <- n
	}()
	names <- "Carter"
	names <- "Rory"
	closer.Finish(names)
	<-count
}
