package goroutineexit

import (
	"errors"
	"strconv"
)

var errNoDigits = errors.New("no digits")

// parseAsync keeps the goroutine's body in a local closure and starts it
// with go parse(); the validation failure returns before the receive.
func parseAsync(s string) (int, error) {
	parsed := make(chan int)
	parse := func() {
		n, _ := strconv.Atoi(s)
		parsed <- n // want `goroutine blocks forever sending on parsed: on the path that returns at .*, nothing receives from parsed`
	}
	go parse()
	if s == "" {
		return 0, errNoDigits
	}
	return <-parsed, nil
}

// CaseClosureVariableBody parses an empty string.
func CaseClosureVariableBody() {
	_, _ = parseAsync("")
}
