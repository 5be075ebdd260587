package analyzers

import "github.com/leakvet/leakvet/internal/suppress"

// The analyzers a //leakvet:ignore directive may name are those of the
// suite, whatever subset a front end runs.
func init() {
	names := make([]string, len(Suite))
	for i, a := range Suite {
		names[i] = a.Name
	}
	suppress.SetAnalyzers(names...)
}
