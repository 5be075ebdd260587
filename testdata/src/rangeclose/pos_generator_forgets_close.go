package rangeclose

// primesBelow returns a channel of the primes below n; the goroutine that
// fills it forgets to close it.
func primesBelow(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 2; i < n; i++ {
			prime := true
			for d := 2; d*d <= i; d++ {
				if i%d == 0 {
					prime = false
					break
				}
			}
			if prime {
				out <- i
			}
		}
	}()
	return out
}

// CaseGeneratorForgetsClose ranges over the generator's channel in a
// goroutine that waits forever after the last prime.
func CaseGeneratorForgetsClose() {
	got := make(chan int)
	go func() {
		for p := range primesBelow(12) { // want `range over the channel returned by primesBelow\(12\) never ends: it is never closed`
			got <- p
		}
		close(got)
	}()
	for i := 0; i < 5; i++ { // 2, 3, 5, 7, 11
		<-got
	}
}
