package rangeclose

import "rangeclose/workers"

// CaseOtherPackageStageClosed closes the input of a forwarding stage from
// another package; the stage then closes its output and the range below
// ends.
func CaseOtherPackageStageClosed() {
	raw := make(chan int)
	forwarded := make(chan int)
	go workers.Forward(raw, forwarded)
	go func() {
		for i := 0; i < 3; i++ {
			raw <- i
		}
		close(raw)
	}()
	sum := 0
	for v := range forwarded {
		sum += v
	}
	_ = sum
}
