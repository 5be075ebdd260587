package cli

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/leakvet/leakvet/internal/sarif"
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

// runSARIF analyzes the packages named by the patterns in args, as the
// standalone checker does, and writes the findings to stdout as a SARIF
// log. It accepts the analyzers' flags (-NAME, -NAME=false, -NAME.FLAG)
// and -test. It returns the exit code: 0 when the log was written, even
// with findings; 1 when a package could not be loaded or analyzed; 2 for a
// bad flag.
func runSARIF(prog string, analyzers []*analysis.Analyzer, args []string) int {
	fs, enable := analyzerFlags(prog, analyzers)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}

	// As with the other formats: -NAME runs only the analyzers named so;
	// otherwise -NAME=false leaves NAME out.
	var selected []*analysis.Analyzer
	only := slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return enable[a].set && enable[a].on })
	for _, a := range analyzers {
		if f := enable[a]; only && f.on || !only && !(f.set && !f.on) {
			selected = append(selected, a)
		}
	}

	patterns := fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintf(os.Stderr, "%s: no packages to analyze (run '%s -h' for usage)\n", prog, prog)
		return 2
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(os.Stderr, "%s: %s matched no packages\n", prog, strings.Join(patterns, " "))
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
	if packages.PrintErrors(pkgs) > 0 {
		code = 1
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				b.Error(e.Error())
			}
		})
	}
	g, err := checker.Analyze(selected, pkgs, nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
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
			if code == 0 { // else the package's errors were printed
				fmt.Fprintf(os.Stderr, "%s: %s: %v\n", prog, act.Analyzer.Name, act.Err)
				b.Error(act.Analyzer.Name + ": " + act.Err.Error())
			}
			code = 1
			continue
		}
		for _, d := range act.Diagnostics {
			k := key{act.Analyzer.Name, act.Package.Fset.Position(d.Pos).String(), d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			b.Add(act.Package.Fset, act.Analyzer, d)
		}
	}
	if err := b.Log().Write(os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	return code
}

// version returns the module version of the binary, or "" for a
// development build.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(bi.Main.Version, "v") {
		return bi.Main.Version
	}
	return ""
}
