package analysisutil

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Recover turns a panic in a pass into an error that names the pass, what
// it was analysing and where it panicked, so that a bug in leakvet fails
// the analysis of one package with a message that can be acted on,
// instead of crashing the whole go vet run. Defer it first in a Run
// function with a named error result, so that it covers all of it:
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
	*err = fmt.Errorf("internal error in %s while analysing %s: %v; panicked at %s (please report it with the code that caused it)",
		pass.Analyzer.Name, where, r, panicStack(maxFrames))
}

// maxFrames is how many frames of the panicking goroutine the error
// keeps: enough to find the bug, short enough for one line of vet output.
const maxFrames = 6

// panicStack renders the innermost n frames of the panicking goroutine
// below the runtime's own, as "pkg.F (file.go:12) <- pkg.G (file.go:34)".
// It must be called from the deferred function that recovered.
func panicStack(n int) string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)]) // from the frames below Recover
	var out []string
	for {
		f, more := frames.Next()
		// The runtime's frames (gopanic, a nil map's assignment, a
		// signal's panic) come first; any later one is the caller's.
		if !strings.HasPrefix(f.Function, "runtime.") || len(out) > 0 {
			out = append(out, fmt.Sprintf("%s (%s:%d)", shortFunc(f.Function), filepath.Base(f.File), f.Line))
		}
		if !more || len(out) == n {
			break
		}
	}
	return strings.Join(out, " <- ")
}

// shortFunc drops the import path of a function's package, but not the
// package name: "chanflow.(*walk).value".
func shortFunc(name string) string {
	return name[strings.LastIndex(name, "/")+1:]
}
