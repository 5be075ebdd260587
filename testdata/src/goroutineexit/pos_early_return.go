package goroutineexit

import (
	"errors"
	"fmt"
)

var errBadUserID = errors.New("user id must be positive")

func renderProfile(id int) string { return fmt.Sprintf("profile #%d", id) }

// loadProfile starts the rendering first and validates its input second:
// the early return leaves the renderer with nobody to hand its result to.
func loadProfile(id int) (string, error) {
	page := make(chan string)
	go func() {
		page <- renderProfile(id) // want `goroutine blocks forever sending on page: on the path that returns at .*, nothing receives from page`
	}()
	if id <= 0 {
		return "", errBadUserID
	}
	return <-page, nil
}

// CaseEarlyReturn passes an invalid id.
func CaseEarlyReturn() {
	_, _ = loadProfile(-1)
}
