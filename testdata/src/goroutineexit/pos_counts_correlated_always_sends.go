package goroutineexit

import "errors"

var errBlankTemplate = errors.New("no template")

func renderPage(tmpl string) string { return "<html>" + tmpl + "</html>" }

// preview renders in the background and gives up on an empty template,
// but the goroutine renders and sends whatever the template: the test the
// function makes is not the goroutine's.
func preview(tmpl string) (string, error) {
	page := make(chan string)
	go func() {
		page <- renderPage(tmpl) // want `^goroutine blocks forever sending on page: on the path that returns at line \d+, nothing receives from page$`
	}()
	if tmpl == "" {
		return "", errBlankTemplate
	}
	return <-page, nil
}

// CaseCountsCorrelatedAlwaysSends previews an empty template.
func CaseCountsCorrelatedAlwaysSends() {
	_, _ = preview("")
}
