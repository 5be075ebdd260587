// Package user checks that summaries are seen through across packages.
package user

import "chanflow/facts"

func Wrap(ch chan int) { // want Wrap:"chanflow\\(0:closes\\)"
	facts.CloseViaHelper(ch)
}

func WrapGeneric(in <-chan string, out chan<- string) { // want WrapGeneric:"chanflow\\(0:ranges 1:sends\\)"
	facts.Generic(in, out)
}

func WrapStart(in <-chan int) { // want WrapStart:"chanflow\\(0:rangesasync\\)"
	facts.StartDrain(in)
}
