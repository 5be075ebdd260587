package goroutineexit

import "time"

func auditOn(level int) bool { return level > 2 }

// auditTrail: both goroutines test the same condition, so the sender
// sends exactly when the receiver receives.
func auditTrail(verbose bool, level int) {
	notes := make(chan string)
	go func() {
		if verbose {
			notes <- "started"
		}
		if auditOn(level) {
			notes <- "audited"
		}
	}()
	go func() {
		if verbose {
			_ = <-notes
		}
		if auditOn(level) {
			_ = <-notes
		}
	}()
}

// CaseSchedSameCondition audits verbosely at a high level.
func CaseSchedSameCondition() {
	auditTrail(true, 3)
	time.Sleep(10 * time.Millisecond)
}
