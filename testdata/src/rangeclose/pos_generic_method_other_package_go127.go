//go:build go1.27

package rangeclose

import "rangeclose/workers"

// CaseGenericMethodOtherPackage hands a channel it never closes to an
// instance of the generic method workers.Tally.Consume, in another
// package, which ranges over it and never returns.
func CaseGenericMethodOtherPackage() {
	var t workers.Tally
	words := make(chan string)
	go t.Consume(words) // want "range over channel words in workers.Tally.Consume never ends"
	for _, w := range []string{"a", "b"} {
		words <- w
	}
}
