package goroutineexit

import (
	"errors"
	"strings"
)

var errEmptyQuery = errors.New("empty query")

// search validates its input before it starts the goroutine: the early
// return happens before any goroutine exists.
func search(q string) ([]string, error) {
	if q == "" {
		return nil, errEmptyQuery
	}
	hits := make(chan []string)
	go func() {
		hits <- strings.Fields(q)
	}()
	return <-hits, nil
}

// CaseReturnBeforeGo searches twice, once with an empty query.
func CaseReturnBeforeGo() {
	_, _ = search("")
	_, _ = search("goroutine leak")
}
