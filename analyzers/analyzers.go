// Package analyzers is the leakvet suite: the one list of analyzers that
// every front end uses (the leakvet binary, the golangci-lint plugin, and
// Bazel nogo configurations).
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/passes/budget"
	"github.com/leakvet/leakvet/passes/goroutineexit"
	"github.com/leakvet/leakvet/passes/ignoredirective"
	"github.com/leakvet/leakvet/passes/lostsignal"
	"github.com/leakvet/leakvet/passes/rangeclose"
)

// Suite lists every leakvet analyzer, in the order they are documented.
// Front ends must take their analyzers from here, so that a new analyzer
// reaches all of them with no further code.
var Suite = []*analysis.Analyzer{
	rangeclose.Analyzer,
	goroutineexit.Analyzer,
	lostsignal.Analyzer,
	ignoredirective.Analyzer,
	budget.Analyzer,
}
