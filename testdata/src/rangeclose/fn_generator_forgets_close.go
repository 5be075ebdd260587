package rangeclose

//oracle:falsenegative the channel is returned by the function that makes it, and a returned channel escapes to the caller by design, so the analyzer stays silent although the generator never closes it

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
		for p := range primesBelow(12) {
			got <- p
		}
		close(got)
	}()
	for i := 0; i < 5; i++ { // 2, 3, 5, 7, 11
		<-got
	}
}
