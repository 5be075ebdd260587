package goroutineexit

import "strings"

// firstMatch starts one goroutine per candidate and keeps the first
// answer; the channel is sized to the number of goroutines.
func firstMatch(candidates []string, prefix string) string {
	hits := make(chan string, len(candidates))
	for _, c := range candidates {
		go func() {
			if strings.HasPrefix(c, prefix) {
				hits <- c
			} else {
				hits <- ""
			}
		}()
	}
	return <-hits
}

// CaseCapacityLenSlice searches three candidates.
func CaseCapacityLenSlice() {
	_ = firstMatch([]string{"alpha", "beta", "alpine"}, "al")
}
