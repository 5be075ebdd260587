package goroutineexit

import "errors"

var errDigestEmpty = errors.New("empty input")

// awaitDigest waits for the one result in a helper.
func awaitDigest(results <-chan error) error { return <-results }

// digest sends its outcome on every path, the error too: the helper's one
// receive always gets it.
func digest(input string) error {
	results := make(chan error)
	go func() {
		if input == "" {
			results <- errDigestEmpty
			return
		}
		results <- nil
	}()
	return awaitDigest(results)
}

// CaseCountsWaitHelperEveryPath digests empty and non-empty input.
func CaseCountsWaitHelperEveryPath() {
	_ = digest("")
	_ = digest("abc")
}
