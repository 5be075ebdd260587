package rangeclose

import "rangeclose/closer"

// CaseCloseAllGenericOtherPackage closes two channels through a generic,
// variadic helper of another package.
func CaseCloseAllGenericOtherPackage() {
	left := make(chan int)
	right := make(chan int)
	sums := make(chan int)
	for _, ch := range []chan int{left, right} {
		go func(in <-chan int) {
			s := 0
			for v := range in {
				s += v
			}
			sums <- s
		}(ch)
	}
	left <- 1
	right <- 2
	closer.CloseAll(left, right)
	<-sums
	<-sums
}
