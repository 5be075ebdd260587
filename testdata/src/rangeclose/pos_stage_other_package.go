package rangeclose

import "rangeclose/workers"

// CaseStageOtherPackage starts a forwarding stage from another package. The
// stage closes its output, but only after its input is closed, and the
// input never is.
func CaseStageOtherPackage() {
	raw := make(chan int)
	forwarded := make(chan int)
	go workers.Forward(raw, forwarded) // want "range over channel raw in workers.Forward never ends"
	for i := 0; i < 3; i++ {
		raw <- i
		<-forwarded
	}
}
