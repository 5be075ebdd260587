package rangeclose

import "rangeclose/workers"

// CaseWorkerOtherPackage hands a channel it never closes to a consumer in
// another package; workers.Drain ranges over it and never returns.
func CaseWorkerOtherPackage() {
	names := make(chan string)
	go workers.Drain(names) // want "range over channel names in workers.Drain never ends"
	for _, n := range []string{"Anna", "Jacob", "Kell"} {
		names <- n
	}
}
