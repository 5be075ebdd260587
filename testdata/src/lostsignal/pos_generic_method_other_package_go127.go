//go:build go1.27

package lostsignal

import "lostsignal/starter"

// CaseGenericMethodOtherPackage discards the result of an instance of the
// generic method starter.Pool.Submit, of another package.
func CaseGenericMethodOtherPackage() {
	var p starter.Pool
	p.Submit(func() string { return "done" }) // want `the channel returned by p.Submit is discarded`
}
