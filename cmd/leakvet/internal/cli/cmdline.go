package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A standalone command line is checked as a whole in the first process,
// before any work starts, so that every mistake gets one true error: a
// flag that is unknown, a bad value, -json with another -format, a flag
// after the packages, no packages at all. The checks in the modes
// that run afterwards (multichecker, -format=sarif, go vet) then never see
// a command line they would misread.
//
// The go command's build flags (-tags, -mod, ...) are taken out of the
// command line and reach every go command the run starts through GOFLAGS:
// go vet in a plain run, go list when the packages are loaded in process.

// buildFlags are the go command's build flags that go vet accepts (those
// of AddBuildFlags in cmd/go/internal/work, less -json, which is
// leakvet's), mapped to whether each is a boolean. The go command exports
// no such list, so it is written out here; a flag missing from it is
// refused as unknown, never ignored.
var buildFlags = map[string]bool{
	"C": false, "a": true, "n": true, "p": false, "x": true, "v": true,
	"asan": true, "asmflags": false, "buildmode": false, "buildvcs": true,
	"compiler": false, "gccgoflags": false, "gcflags": false,
	"installsuffix": false, "ldflags": false, "linkshared": true,
	"mod": false, "modcacherw": true, "modfile": false, "msan": true,
	"overlay": false, "pgo": false, "pkgdir": false, "race": true,
	"tags": false, "toolexec": false, "trimpath": true, "work": true,
	"debug-actiongraph": false, "debug-runtime-trace": false, "debug-trace": false,
}

// commandLine is a checked standalone command line.
type commandLine struct {
	build []string // the build flags, as -name=value, in order, but -C
	chdir string   // the value of -C
	args  []string // leakvet's flags as -name=value, then the patterns
	set   map[string]string
}

// errPassThrough reports a command line that asks for help or for the
// flag list: the checker answers it as given.
var errPassThrough = errors.New("pass through")

// parseCommandLine checks a standalone command line. It returns
// errPassThrough for "help", -h and -flags.
func parseCommandLine(args []string, analyzers []*analysis.Analyzer) (*commandLine, error) {
	cl := &commandLine{set: make(map[string]string)}
	fs := flag.NewFlagSet(progName(), flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the error is returned
	fs.Usage = func() {}
	own := func(name string, v flag.Value) {
		fs.Var(&recorder{Value: v, name: name, to: &cl.args, set: cl.set}, name, "")
	}

	// leakvet's flags, as multichecker and package checker define them.
	for _, a := range analyzers {
		own(a.Name, checked{isBool: true, check: parseBool})
		a.Flags.VisitAll(func(f *flag.Flag) { own(a.Name+"."+f.Name, f.Value) })
	}
	for _, name := range []string{"json", "fix", "diff", "test", "flags", "source", "all"} {
		own(name, checked{isBool: true, check: parseBool})
	}
	own("c", checked{check: parseInt})
	for _, name := range []string{"debug", "cpuprofile", "memprofile", "trace"} {
		own(name, checked{})
	}
	own("format", checked{check: func(s string) error {
		if !slices.Contains(formats, s) {
			return fmt.Errorf("want %s", strings.Join(formats, ", "))
		}
		return nil
	}})
	fs.Var(versionFlag{}, "V", "")
	// Any other flag of the program, registered before the checker runs.
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) == nil {
			own(f.Name, f.Value)
		}
	})

	for name, isBool := range buildFlags {
		c := checked{isBool: isBool}
		switch {
		case name == "buildvcs":
			c.check = func(s string) error {
				if s == "auto" {
					return nil
				}
				return parseBool(s)
			}
		case name == "p":
			c.check = parseInt
		case isBool:
			c.check = parseBool
		}
		if name == "C" {
			fs.Var(&recorder{Value: c, name: name, set: cl.set}, name, "")
			continue
		}
		fs.Var(&recorder{Value: c, name: name, to: &cl.build, set: cl.set}, name, "")
	}

	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil, errPassThrough
		}
		return nil, err
	}
	patterns := fs.Args()
	if len(patterns) > 0 && patterns[0] == "help" || isTrue(cl.set, "flags") {
		return nil, errPassThrough
	}
	if len(patterns) == 0 {
		return nil, errors.New("no packages to analyze: name them as go list does, such as ./...")
	}
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") {
			return nil, fmt.Errorf("flag %s after the packages: flags go before the packages", p)
		}
	}
	// -json is -format=json, so one of the two would be ignored. The
	// modes check the other combinations (see vetRun.check).
	if f, ok := cl.set["format"]; ok && f != "json" && isTrue(cl.set, "json") {
		return nil, fmt.Errorf("-json cannot be used with -format=%s", f)
	}
	if _, err := cl.goflags(""); err != nil {
		return nil, err
	}
	cl.chdir = cl.set["C"]
	cl.args = append(cl.args, patterns...)
	return cl, nil
}

// goflags returns the value of GOFLAGS for the go commands of the run:
// the environment's, then the build flags of the command line, which
// come later and so take precedence. The go command splits GOFLAGS at
// spaces, except inside quotes that enclose a whole flag
// (cmd/internal/quoted).
func (cl *commandLine) goflags(env string) (string, error) {
	var parts []string
	if strings.TrimSpace(env) != "" {
		parts = append(parts, env)
	}
	for _, f := range cl.build {
		switch {
		case !strings.ContainsAny(f, " \t\r\n"):
			parts = append(parts, f)
		case !strings.Contains(f, "'"):
			parts = append(parts, "'"+f+"'")
		case !strings.Contains(f, `"`):
			parts = append(parts, `"`+f+`"`)
		default:
			return "", fmt.Errorf("%s: a value with spaces and both kinds of quotes cannot reach the go command", f)
		}
	}
	return strings.Join(parts, " "), nil
}

// apply makes the build flags reach the go commands this process starts:
// it changes to the directory of -C and sets GOFLAGS.
func (cl *commandLine) apply() error {
	if cl.chdir != "" {
		if err := os.Chdir(cl.chdir); err != nil {
			return fmt.Errorf("-C: %v", err)
		}
	}
	if len(cl.build) == 0 {
		return nil
	}
	goflags, err := cl.goflags(os.Getenv("GOFLAGS"))
	if err != nil {
		return err
	}
	return os.Setenv("GOFLAGS", goflags)
}

// recorder is a flag that records each value it is set to, as
// "-name=value", in to, and the last in set.
type recorder struct {
	flag.Value
	name string
	to   *[]string
	set  map[string]string
}

func (r *recorder) IsBoolFlag() bool {
	b, ok := r.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (r *recorder) Set(s string) error {
	if err := r.Value.Set(s); err != nil {
		return err
	}
	if r.to != nil {
		*r.to = append(*r.to, "-"+r.name+"="+s)
	}
	r.set[r.name] = s
	return nil
}

// checked is a flag value that only checks what it is set to.
type checked struct {
	isBool bool
	check  func(string) error
}

func (c checked) IsBoolFlag() bool { return c.isBool }
func (c checked) String() string   { return "" }
func (c checked) Set(s string) error {
	if c.check == nil {
		return nil
	}
	return c.check(s)
}

func parseBool(s string) error {
	_, err := strconv.ParseBool(s)
	return err
}

func parseInt(s string) error {
	_, err := strconv.Atoi(s)
	return err
}

// isTrue reports whether the boolean flag name was set to true.
func isTrue(set map[string]string, name string) bool {
	v, ok := set[name]
	if !ok {
		return false
	}
	b, _ := strconv.ParseBool(v)
	return b
}
