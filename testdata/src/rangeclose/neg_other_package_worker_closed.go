package rangeclose

import "rangeclose/workers"

// CaseOtherPackageWorkerClosed hands the channel to workers.Drain in
// another package and closes it after the last send.
func CaseOtherPackageWorkerClosed() {
	names := make(chan string)
	drained := make(chan struct{})
	go func() {
		workers.Drain(names)
		close(drained)
	}()
	names <- "Kell"
	names <- "Rory"
	close(names)
	<-drained
}
