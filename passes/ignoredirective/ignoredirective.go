package ignoredirective

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/suppress"
)

const docURL = "https://pkg.go.dev/github.com/leakvet/leakvet/passes/ignoredirective"

//go:embed doc.go
var doc string

// Analyzer reports malformed //leakvet:ignore directives.
var Analyzer = &analysis.Analyzer{
	Name: "ignoredirective",
	Doc:  analysisutil.MustExtractDoc(doc, "ignoredirective"),
	URL:  docURL,
	Run:  run,
}

func run(pass *analysis.Pass) (_ any, err error) {
	var current string
	defer analysisutil.Recover(pass, &current, &err)
	for _, f := range pass.Files {
		current = pass.Fset.File(f.Pos()).Name()
		for _, d := range suppress.Directives(pass.Fset, f) {
			if d.Problem != "" {
				pass.Report(analysis.Diagnostic{
					Pos:      d.Pos,
					End:      d.End,
					Category: "malformed",
					Message:  d.Problem,
				})
			}
		}
	}
	return nil, nil
}
