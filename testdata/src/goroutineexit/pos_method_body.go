package goroutineexit

import (
	"errors"
	"strings"
)

var errEmptyReport = errors.New("empty report")

type reportBuilder struct{ title string }

// render is the goroutine's body, a method that sends its one result.
func (r *reportBuilder) render(rows []string, out chan<- string) {
	out <- r.title + "\n" + strings.Join(rows, "\n") // want `goroutine blocks forever sending on out: on the path that returns at .*, nothing receives from`
}

// build starts the rendering with go r.render(...) and then rejects empty
// input, abandoning the renderer.
func (r *reportBuilder) build(rows []string) (string, error) {
	text := make(chan string)
	go r.render(rows, text)
	if len(rows) == 0 {
		return "", errEmptyReport
	}
	return <-text, nil
}

// CaseMethodBody builds an empty report.
func CaseMethodBody() {
	r := &reportBuilder{title: "weekly"}
	_, _ = r.build(nil)
}
