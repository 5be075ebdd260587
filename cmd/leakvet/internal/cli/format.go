package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/leakvet/leakvet/internal/sarif"
	"github.com/leakvet/leakvet/internal/vetjson"
	"github.com/leakvet/leakvet/passes/budget"
)

// formats are the values of -format.
var formats = []string{"text", "json", "sarif"}

const formatUsage = "output `format`: text, json (the same as -json) or sarif (a SARIF 2.1.0 log on stdout; standalone only)"

// cutFormat removes the -format flag from args, which precede the first
// non-flag argument, and returns its value ("" when absent).
func cutFormat(args []string) (format string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			return format, append(rest, args[i:]...), nil
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "format" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return "", nil, fmt.Errorf("flag needs an argument: -format")
			}
			i++
			value = args[i]
		}
		if !slices.Contains(formats, value) {
			return "", nil, fmt.Errorf("invalid value %q for flag -format: want %s", value, strings.Join(formats, ", "))
		}
		format = value
	}
	return format, rest, nil
}

// enableFlag is an analyzer's -NAME flag: unset, true or false.
type enableFlag struct{ set, on bool }

func (f *enableFlag) IsBoolFlag() bool { return true }
func (f *enableFlag) String() string   { return strconv.FormatBool(f.on) }
func (f *enableFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	f.set, f.on = true, v
	return nil
}

// analyzerFlags returns a flag set with the analyzers' flags, as
// multichecker defines them: -NAME to enable an analyzer and -NAME.FLAG for
// each of its own flags. Errors are reported in one line.
func analyzerFlags(prog string, analyzers []*analysis.Analyzer) (*flag.FlagSet, map[*analysis.Analyzer]*enableFlag) {
	fs := flag.NewFlagSet(prog, flag.ContinueOnError)
	fs.SetOutput(&flagErrorWriter{prog: prog, w: os.Stderr})
	fs.Usage = func() {}
	enable := make(map[*analysis.Analyzer]*enableFlag)
	for _, a := range analyzers {
		f := new(enableFlag)
		enable[a] = f
		fs.Var(f, a.Name, "enable "+a.Name+" analysis")
		a.Flags.VisitAll(func(af *flag.Flag) {
			fs.Var(af.Value, a.Name+"."+af.Name, af.Usage)
		})
	}
	return fs, enable
}

// writeSARIF writes the findings of a run through go vet to stdout as a
// SARIF log. Every error reaches both stderr and the log: printed are the
// lines go vet already printed (package errors), errs are the analyzers'
// failures, printed here. It returns the exit code: 1 when there is an
// error (the log keeps the results of the packages that could be
// analysed), else 0, even with findings.
func writeSARIF(stdout, stderr io.Writer, prog string, selected []*analysis.Analyzer, found []vetjson.Finding, printed []string, errs []vetjson.Error) int {
	root, err := os.Getwd()
	if err != nil {
		root = ""
	}
	b := sarif.New("leakvet", version(), "https://github.com/leakvet/leakvet", selected, root)
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range selected {
		byName[a.Name] = a
	}
	for _, f := range found {
		if f.Analyzer == budget.Analyzer.Name {
			b.Warning(f.Message, f.Posn) // not a finding: a function not analysed
			continue
		}
		a := byName[f.Analyzer]
		if a == nil {
			a = &analysis.Analyzer{Name: f.Analyzer}
		}
		b.AddVet(a, f.Diagnostic)
	}
	code := 0
	for _, e := range printed {
		b.Error(e)
		code = 1
	}
	for _, e := range errs {
		fmt.Fprintf(stderr, "%s: %v\n", prog, e)
		b.Error(e.Error())
		code = 1
	}
	if err := b.Log().Write(stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return 1
	}
	return code
}

// runSARIF analyzes the packages named by the patterns in args in this
// process, for the runs that go vet cannot serve (-test=false, profiling
// flags, LEAKVET_INPROCESS), and writes the findings to stdout as a SARIF
// log. It accepts the analyzers' flags (-NAME, -NAME=false, -NAME.FLAG)
// and -test. It returns the exit code: 0 when the log was written, even
// with findings; 1 when a package could not be loaded or analyzed; 2 for a
// bad flag. Every error reaches both stderr and the log.
func runSARIF(prog string, analyzers []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	fs, enable := analyzerFlags(prog, analyzers)
	fs.SetOutput(&flagErrorWriter{prog: prog, w: stderr})
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Set(budget.Analyzer.Name+".report", "true") // see skipped.go
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}

	// As with the other formats: -NAME runs only the analyzers named so;
	// otherwise -NAME=false leaves NAME out.
	set := make(map[string]bool)
	for a, f := range enable {
		if f.set {
			set[a.Name] = f.on
		}
	}
	selected := selectAnalyzers(analyzers, set)

	patterns := fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintf(stderr, "%s: no packages to analyze (run '%s -h' for usage)\n", prog, prog)
		return 2
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return 1
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "%s: %s matched no packages\n", prog, strings.Join(patterns, " "))
		return 1
	}
	root, err := os.Getwd()
	if err != nil {
		root = ""
	}
	b := sarif.New("leakvet", version(), "https://github.com/leakvet/leakvet", selected, root)

	// Errors go to stderr and into the log, which keeps the results of
	// the packages that could be analyzed.
	code := 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(stderr, e)
			b.Error(e.Error())
			code = 1
		}
	})
	g, err := checker.Analyze(selected, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return 1
	}
	type key struct {
		analyzer string
		posn     string
		message  string
	}
	seen := make(map[key]bool) // a package and its test variant share files
	for _, act := range g.Roots {
		if act.Err != nil {
			code = 1
			if repeatsPackageError(act.Err) {
				continue // the package's own errors were reported above
			}
			msg := act.Package.ID + ": " + act.Analyzer.Name + ": " + act.Err.Error()
			fmt.Fprintf(stderr, "%s: %s\n", prog, msg)
			b.Error(msg)
			continue
		}
		for _, d := range act.Diagnostics {
			k := key{act.Analyzer.Name, act.Package.Fset.Position(d.Pos).String(), d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			if act.Analyzer == budget.Analyzer {
				b.Warning(d.Message, k.posn)
				continue
			}
			b.Add(act.Package.Fset, act.Analyzer, d)
		}
	}
	if err := b.Log().Write(stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return 1
	}
	return code
}

// repeatsPackageError reports whether an action's error only says that the
// analysis did not run because of errors in the package or in a
// prerequisite, which were reported on their own.
func repeatsPackageError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "analysis skipped due to errors in package") ||
		strings.HasPrefix(msg, "failed prerequisites: ")
}

// version returns the module version of the binary, or "" for a
// development build.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") {
		return bi.Main.Version
	}
	return ""
}
