package lostsignal

import (
	"strings"

	"lostsignal/starter"
)

// firstHeading returns the first Markdown heading of doc, and stops
// reading starter.Lines as soon as it has one.
func firstHeading(doc string) string {
	for line := range starter.Lines(doc) { // want `the loop at line 12 stops receiving from the channel returned by starter.Lines before it is closed, on the path that returns at line 14, so the goroutine starter.Lines starts blocks forever sending its next value`
		if strings.HasPrefix(line, "# ") {
			return line
		}
	}
	return ""
}

// CaseStreamCrossPackage finds the heading on the first of three lines.
func CaseStreamCrossPackage() {
	_ = firstHeading("# Title\nbody\nmore")
}
