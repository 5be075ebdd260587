package goroutineexit

import (
	"errors"
	"strings"
)

var errNoTemplate = errors.New("no template")

// spawnRender is a helper that the parent passes its channel to; the
// helper starts the goroutine that sends on it once.
func spawnRender(tmpl string, out chan<- string) {
	go func() {
		out <- strings.ToUpper(tmpl) // want `goroutine blocks forever sending on out: on the path that returns at line 22, nothing receives from out`
	}()
}

func renderTemplate(tmpl string) (string, error) {
	html := make(chan string)
	spawnRender(tmpl, html)
	if tmpl == "" {
		return "", errNoTemplate
	}
	return <-html, nil
}

// CaseHelperStartsGoroutine renders an empty template.
func CaseHelperStartsGoroutine() {
	_, _ = renderTemplate("")
}
