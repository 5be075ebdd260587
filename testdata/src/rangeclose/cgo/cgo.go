// Package cgo checks that a package using cgo is analysed like any other.
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

func doubler(in []int) {
	values := make(chan int)
	go func() {
		for v := range values { // want "range over channel values never ends"
			_ = C.twice(C.int(v))
		}
	}()
	for _, v := range in {
		values <- v
	}
}
