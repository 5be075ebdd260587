package ignoredirective

import (
	_ "embed"
	"go/ast"

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
		reportNearMisses(pass, f)
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

// reportNearMisses reports the comments of f that look like a directive
// but are not one, because of a blank in "//leakvet:ignore".
func reportNearMisses(pass *analysis.Pass, f *ast.File) {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if written, ok := nearMiss(c.Text); ok {
				pass.Report(analysis.Diagnostic{
					Pos:      c.Pos(),
					End:      c.End(),
					Category: "malformed",
					Message:  written + " is not a directive and silences nothing: write " + suppress.Prefix + ", with no blanks",
				})
			}
		}
	}
}
