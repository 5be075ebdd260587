package goroutineexit

import "errors"

var errQuotaExceeded = errors.New("quota exceeded")

// reserve closes release on the error path and on the success path.
func reserve(units, quota int) error {
	release := make(chan struct{})
	held := 0
	go func() {
		<-release
		held = 0
	}()
	held = units
	if held > quota {
		close(release)
		return errQuotaExceeded
	}
	close(release)
	return nil
}

// CaseDoneClosedEveryPath reserves twice, over and under quota.
func CaseDoneClosedEveryPath() {
	_ = reserve(10, 5)
	_ = reserve(1, 5)
}
