package rangeclose

import "rangeclose/workers"

// CaseSyncCallOtherPackage calls workers.Count synchronously inside a
// goroutine. Count only returns when its channel is closed, which never
// happens, so the goroutine never delivers the count.
func CaseSyncCallOtherPackage() {
	ticks := make(chan int)
	counted := make(chan int, 1)
	go func() {
		n := workers.Count(ticks) // want "range over channel ticks in workers.Count never ends"
		counted <- n
	}()
	for i := 0; i < 4; i++ {
		ticks <- i
	}
}
