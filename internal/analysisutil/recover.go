package analysisutil

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
)

// Recover turns a panic in a pass into an error that names the pass and
// what it was analysing, so that a bug in leakvet fails the analysis of one
// package with a clear message instead of crashing the whole go vet run
// with a stack trace. Use it as the first deferred call of a Run function
// with a named error result:
//
//	func run(pass *analysis.Pass) (_ any, err error) {
//		var current string // updated as the pass goes
//		defer analysisutil.Recover(pass, &current, &err)
//		...
//	}
func Recover(pass *analysis.Pass, current *string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	where := pass.Pkg.Path()
	if *current != "" {
		where = *current
	}
	*err = fmt.Errorf("internal error in %s while analysing %s: %v (please report it with the code that caused it)", pass.Analyzer.Name, where, r)
}
