package lostsignal

import "lostsignal/starter"

// CaseGenericCrossPackage discards the result of an instance of a generic
// function of another package.
func CaseGenericCrossPackage() {
	_ = starter.Async(func() float64 { return 0.5 }) // want `the channel returned by starter.Async is discarded`
}
