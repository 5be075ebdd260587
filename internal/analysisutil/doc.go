// Package analysisutil holds small helpers shared by leakvet's passes.
//
// The equivalents in golang.org/x/tools live under internal/ and cannot be
// imported, so the few that leakvet needs are written here.
package analysisutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc is like [ExtractDoc] but panics on error. It is meant for
// package-level Analyzer declarations, where a malformed doc.go is a
// programming error caught by the first test run.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc returns the section of a doc.go package comment that starts
// with the heading "# Analyzer NAME", in the form expected by
// analysis.Analyzer.Doc: the summary line after "NAME:", a blank line, and
// the full description up to the next heading.
//
// It follows golang.org/x/tools/internal/analysis/analyzerutil.ExtractDoc so
// that the same doc.go reads well on pkg.go.dev and in "leakvet help NAME".
func ExtractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file")
	}
	if f.Doc == nil {
		return "", fmt.Errorf("Go source file has no package doc comment")
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name)
		if !ok || body == "" || (body[0] != '\r' && body[0] != '\n') {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("'Analyzer %s' heading not followed by '%s: summary...' line", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("package doc comment contains no 'Analyzer %s' heading", name)
}
