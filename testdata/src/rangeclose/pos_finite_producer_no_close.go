package rangeclose

import "sync"

// CaseFiniteProducerNoClose has a producer goroutine that sends five values
// and returns without closing the channel; the consumer waits forever for
// a sixth value.
func CaseFiniteProducerNoClose() {
	ids := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 5; i++ {
			ids <- i
		}
		// the producer forgets close(ids)
	}()
	go func() {
		seen := 0
		for range ids { // want "range over channel ids never ends"
			seen++
		}
		_ = seen
	}()
	wg.Wait()
}
