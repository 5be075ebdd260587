package lostsignal

import "lostsignal/starter"

// CaseNotifyCrossPackage drops the done channel of starter.Notify, which
// its goroutine closes: the goroutine ends on its own.
func CaseNotifyCrossPackage() {
	starter.Notify(func() {})
}
