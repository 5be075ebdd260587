package cli

import (
	"fmt"
	"io"

	"github.com/leakvet/leakvet/internal/vetjson"
	"github.com/leakvet/leakvet/passes/budget"
)

// A function over the size budget is not analysed, and its leaks are not
// reported. So that a run never reports nothing without saying why, every
// standalone run through go vet asks the budget analyzer to name such
// functions (-budget.report), and writes them apart from the findings: a
// count and the functions on stderr in text mode, without changing the
// exit code (a skipped function is not a leak), notifications in a SARIF
// log, and the "budget" entries of the tree with -json.

// reportFlag is the budget analyzer's flag that turns its reports on.
var reportFlag = budget.Analyzer.Name + ".report"

// skipFlags returns the go vet flags that make the budget analyzer report
// the functions it skips, given the -NAME flags of the command line: none
// when it was turned off, and -budget=true as well when other analyzers
// were selected by name, which leaves out those not named.
func skipFlags(enable map[string]bool) []string {
	on, set := enable[budget.Analyzer.Name]
	if set && !on {
		return nil
	}
	flags := []string{"-" + reportFlag}
	for _, v := range enable {
		if v && !set {
			return append(flags, "-"+budget.Analyzer.Name+"=true")
		}
	}
	return flags
}

// splitSkipped separates the functions that were not analysed from the
// findings.
func splitSkipped(all []vetjson.Finding) (found, skipped []vetjson.Finding) {
	for _, f := range all {
		if f.Analyzer == budget.Analyzer.Name {
			skipped = append(skipped, f)
		} else {
			found = append(found, f)
		}
	}
	return found, skipped
}

// printSkipped writes the count and the list of the functions that were
// not analysed.
func printSkipped(w io.Writer, prog string, skipped []vetjson.Finding) {
	if len(skipped) == 0 {
		return
	}
	them := "them"
	if len(skipped) == 1 {
		them = "it"
	}
	fmt.Fprintf(w, "%s: %s not analysed, and leaks in %s are not reported:\n", prog, count(len(skipped), "function was", "functions were"), them)
	for _, f := range skipped {
		fmt.Fprintf(w, "%s: %s\n", shortPosn(f.Posn), f.Message)
	}
}
