package goroutineexit

import "sync"

// hashAll joins its goroutines with WaitGroup.Wait; they write into their
// own slot and never touch a channel.
func hashAll(parts []string) []int {
	sums := make([]int, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range p {
				sums[i] += int(r)
			}
		}()
	}
	wg.Wait()
	return sums
}

// CaseWaitGroupWait hashes three parts.
func CaseWaitGroupWait() {
	_ = hashAll([]string{"x", "yy", "zzz"})
}
