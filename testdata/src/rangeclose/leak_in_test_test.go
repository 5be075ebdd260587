package rangeclose

import "testing"

// Test files are analysed like any other: a leak in a test helper is a
// leak in the test binary, and goleak-style checks would flag it too.
func startTestConsumer(t *testing.T) chan<- int {
	events := make(chan int)
	go func() {
		for e := range events { // want "range over channel events never ends"
			t.Log(e)
		}
	}()
	events <- 1
	return nil
}
