package goroutineexit

import (
	"sync"

	"goroutineexit/fieldsremote"
)

// The WaitGroup is handed to helpers that do count it down: a deferred
// Done in a goroutine the helper starts, a helper that passes it on to
// one that calls Done, a function of another package, and a helper that
// stores it where other code calls Done.

func spawnCounted(wg *sync.WaitGroup, f func()) {
	go func() {
		defer wg.Done()
		f()
	}()
}

func relayDone(wg *sync.WaitGroup, f func()) {
	finishAfter(wg, f)
}

func finishAfter(wg *sync.WaitGroup, f func()) {
	f()
	wg.Done()
}

var parked []*sync.WaitGroup

func park(wg *sync.WaitGroup) {
	parked = append(parked, wg)
}

func releaseParked() {
	for _, wg := range parked {
		wg.Done()
	}
	parked = nil
}

func runCounted(f func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	spawnCounted(&wg, f)
	wg.Add(1)
	go relayDone(&wg, f)
	wg.Add(1)
	go fieldsremote.Finish(&wg)
	wg.Wait()

	var parkedWG sync.WaitGroup
	parkedWG.Add(1)
	park(&parkedWG)
	go releaseParked()
	parkedWG.Wait()
}

// CaseFieldsWaitgroupHelperDone runs once through every helper.
func CaseFieldsWaitgroupHelperDone() {
	runCounted(func() {})
}
