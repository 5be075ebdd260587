package goroutineexit

import (
	"errors"
	"strings"
)

//oracle:falsenegative the go statement is in a helper, not in the function that makes the channel: the sender check only counts goroutines started where the channel is made

var errNoTemplate = errors.New("no template")

// spawnRender is a helper that the parent passes its channel to; the
// helper starts the goroutine that sends on it once.
func spawnRender(tmpl string, out chan<- string) {
	go func() {
		out <- strings.ToUpper(tmpl)
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
