package goroutineexit

import "errors"

var errNoQuota = errors.New("no quota left")

func reserveQuota() error { return errNoQuota }

// startReservation starts the goroutine that reports the reservation, but
// only when the quota could be reserved.
func startReservation(reserved chan<- bool) {
	go func() {
		if err := reserveQuota(); err != nil {
			return
		}
		reserved <- true
	}()
}

// reserveSeat waits for a report that the goroutine may never send.
func reserveSeat() bool {
	reserved := make(chan bool)
	startReservation(reserved)
	return <-reserved // want `reserveSeat blocks forever receiving from reserved: the goroutine started at line 12 returns at line 14, and nothing else sends on or closes reserved`
}

// CaseSchedMakerWaitsHelperGoroutine reserves without quota.
func CaseSchedMakerWaitsHelperGoroutine() {
	_ = reserveSeat()
}
