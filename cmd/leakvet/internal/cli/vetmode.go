package cli

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/vetjson"
	"github.com/leakvet/leakvet/passes/budget"
)

// A standalone run is served by "go vet -vettool=<this program>" whenever
// go vet can do what it asks: the text output with or without -c, -json,
// -format=sarif, -fix and -fix -diff, with analyzer flags. go vet analyses
// one package per process from export data, so memory stays that of the
// largest package rather than of the whole module and its dependencies
// loaded from source at once, and it caches results per package, so a
// second run is nearly free. The findings come back as go vet -json trees
// (with their suggested fixes and end positions) and are written here as
// the in-process checker would write them. Fixes are applied, or printed
// as a diff, by go vet -fix itself rather than from the JSON edits: it
// merges them as the in-process checker does (golang.org/x/tools'
// driverutil.ApplyFixes: overlapping fixes merged or dropped, unused
// imports removed, files formatted), which cannot be imported. Runs with
// other flags (-test=false, -cpuprofile, ...) use the in-process checker.

// A vetRun is a standalone run served by go vet.
type vetRun struct {
	prog      string
	flags     []string // analyzer flags for go vet, as -NAME=BOOL
	patterns  []string
	selected  []*analysis.Analyzer // the analyzers the flags select
	format    string               // "text", "json" or "sarif"
	context   int                  // -c: lines of context, or -1 for none
	fix, diff bool
	skips     []string // flags that name the functions not analysed (skipped.go)
	stdout    io.Writer
	stderr    io.Writer
}

// viaVet returns the run of args when go vet can serve it, or ok false
// when it must run in process. It returns an error for a combination of
// flags that is refused in either case, such as -diff without -fix.
func viaVet(prog string, args []string, analyzers []*analysis.Analyzer) (r *vetRun, ok bool, err error) {
	format, args, err := cutFormat(args)
	if err != nil {
		return nil, false, err
	}
	r = &vetRun{prog: prog, format: cmp.Or(format, "text"), context: -1, stdout: os.Stdout, stderr: os.Stderr}
	enable := make(map[string]bool) // analyzer name -> -NAME's value
	names := analyzerNames(analyzers)
	ok = true
	i := 0
	for ; i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "--"; i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		on, err := strconv.ParseBool(cmp.Or(value, "true"))
		isBool := err == nil
		switch {
		case name == "json" && isBool:
			if on {
				r.format = "json"
			} else {
				ok = false
			}
		case (name == "fix" || name == "diff") && isBool:
			if name == "fix" {
				r.fix = on
			} else {
				r.diff = on
			}
		case name == "test" && isBool:
			ok = ok && on // go vet always analyses the tests
		case name == "c":
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			n, err := strconv.Atoi(value)
			if err != nil {
				ok = false // the in-process checker reports it
				continue
			}
			r.context = n
		case name == reportFlag && isBool:
			// Standalone runs report skips anyway (skipped.go):
			// -budget.report=false turns that off.
			if !on {
				enable[budget.Analyzer.Name] = false
			}
		case names[name] && isBool:
			enable[name] = on
			r.flags = append(r.flags, "-"+name+"="+strconv.FormatBool(on))
		default:
			ok = false
		}
	}
	if err := r.check(); err != nil {
		return nil, false, err
	}
	r.patterns = args[i:]
	if len(r.patterns) == 0 || r.patterns[0] == "help" || r.patterns[0] == "--" {
		return nil, false, nil
	}
	for _, p := range r.patterns {
		if strings.HasPrefix(p, "-") {
			return nil, false, nil // a flag after the patterns: let the checker complain
		}
	}
	if !ok {
		return nil, false, nil
	}
	r.selected = selectAnalyzers(analyzers, enable)
	r.skips = skipFlags(enable)
	return r, true, nil
}

// check refuses the combinations of flags that have no sensible meaning.
// As with go vet, -diff shows what -fix would do, so it needs -fix.
func (r *vetRun) check() error {
	switch {
	case r.diff && !r.fix:
		return errors.New("-diff requires -fix (-fix -diff prints the fixes as a unified diff instead of applying them)")
	case r.fix && r.format == "json":
		return errors.New("-fix and -json cannot be used together (the JSON output describes the fixes without applying them)")
	case r.fix && r.format == "sarif":
		return errors.New("-fix and -format=sarif cannot be used together (the SARIF log describes the fixes without applying them)")
	case r.fix && r.context >= 0:
		return errors.New("-c cannot be used with -fix")
	case r.format == "sarif" && r.context >= 0:
		return errors.New("-c cannot be used with -format=sarif")
	}
	return nil
}

// selectAnalyzers returns the analyzers that the -NAME flags select: those
// set to true if any is, else all but those set to false.
func selectAnalyzers(analyzers []*analysis.Analyzer, enable map[string]bool) []*analysis.Analyzer {
	only := slices.Contains(slices.Collect(maps.Values(enable)), true)
	var selected []*analysis.Analyzer
	for _, a := range analyzers {
		on, set := enable[a.Name]
		if only && on || !only && !(set && !on) {
			selected = append(selected, a)
		}
	}
	return selected
}

// run runs go vet and writes what it found. It returns the exit code.
func (r *vetRun) run() int {
	if r.fix {
		return r.runFix()
	}
	out, verrs, failed, err := r.goVet("-json")
	if err != nil {
		fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
		return 1
	}
	trees, err := vetjson.DecodeTrees(bytes.NewReader(out))
	if err != nil {
		fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
		return 1
	}
	switch r.format {
	case "json":
		return r.writeJSON(trees, failed)
	case "sarif":
		found, errs, err := vetjson.Findings(trees)
		if err != nil {
			fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
			return 1
		}
		switch {
		case !failed:
			verrs = nil // notes, such as "go: downloading ...", not errors
		case len(verrs) == 0:
			verrs = append(verrs, "go vet failed") // it always says why; to be safe
		}
		return writeSARIF(r.stdout, r.stderr, r.prog, r.selected, found, verrs, errs)
	}
	found, errs, err := vetjson.Findings(trees)
	if err != nil {
		fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
		return 1
	}
	for _, e := range errs {
		fmt.Fprintln(r.stderr, e)
	}
	found, skipped := splitSkipped(found)
	r.printText(found)
	printSkipped(r.stderr, r.prog, skipped)
	switch {
	case failed || len(errs) > 0:
		return 1
	case len(found) > 0:
		return 3
	}
	return 0
}

// writeJSON writes the trees merged into one, as the in-process checker
// does. It returns 1 when go vet failed, else 0.
func (r *vetRun) writeJSON(trees []vetjson.Tree, failed bool) int {
	merged := vetjson.Tree{}
	for _, t := range trees {
		for pkg, byAnalyzer := range t {
			merged[pkg] = byAnalyzer
		}
	}
	if len(merged) > 0 {
		out, _ := json.MarshalIndent(merged, "", "\t")
		fmt.Fprintf(r.stdout, "%s\n", out)
	}
	if failed {
		return 1
	}
	return 0
}

// runFix applies the suggested fixes through go vet -fix, or prints them
// as a diff with -diff, and then lists the findings that remain: those
// without a fix and those whose fix could not be merged with the others.
// It returns 0 when no finding remains and nothing failed, 3 when findings
// remain or (with -diff) when the diff is not empty, and 1 on an error.
// Nothing is fixed when a package cannot be analysed.
func (r *vetRun) runFix() int {
	found, ok := r.findings()
	if !ok {
		return 1
	}
	found, skipped := splitSkipped(found)
	defer printSkipped(r.stderr, r.prog, skipped)
	fixable := 0
	var unfixable []vetjson.Finding
	for _, f := range found {
		if len(f.SuggestedFixes) > 0 {
			fixable++
		} else {
			unfixable = append(unfixable, f)
		}
	}
	remaining := unfixable
	if fixable > 0 {
		flags := []string{"-fix"}
		if r.diff {
			flags = append(flags, "-diff")
		}
		out, verrs, failed, err := r.goVet(flags...)
		if err != nil {
			fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
			return 1
		}
		r.stdout.Write(out) // the diff
		// go vet -fix -diff exits 1 when the diff is not empty.
		if failed && (!r.diff || len(verrs) > 0) {
			return 1
		}
		if !r.diff {
			// Read again what is left, for fixes may conflict.
			if remaining, ok = r.findings(); !ok {
				return 1
			}
			remaining, _ = splitSkipped(remaining)
		}
	}
	r.printText(remaining)
	switch {
	case len(remaining) > 0 && r.diff:
		fmt.Fprintf(r.stderr, "%s: %s no suggested fix\n", r.prog, count(len(remaining), "finding has", "findings have"))
	case len(remaining) > 0:
		fmt.Fprintf(r.stderr, "%s: %s not fixed\n", r.prog, count(len(remaining), "finding was", "findings were"))
	}
	if len(remaining) > 0 || r.diff && fixable > 0 {
		return 3
	}
	return 0
}

// findings runs go vet -json and returns its findings. When go vet or an
// analyzer fails, it prints the errors and returns false.
func (r *vetRun) findings() ([]vetjson.Finding, bool) {
	out, _, failed, err := r.goVet("-json")
	if err != nil {
		fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
		return nil, false
	}
	found, errs, err := vetjson.Decode(bytes.NewReader(out))
	if err != nil {
		fmt.Fprintf(r.stderr, "%s: %v\n", r.prog, err)
		return nil, false
	}
	for _, e := range errs {
		fmt.Fprintln(r.stderr, e)
	}
	return found, !failed && len(errs) == 0
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// goVet runs go vet with this program as its tool, the given flags, and
// the run's analyzer flags and patterns. It copies go vet's stderr to the
// run's stderr, less the "# package" headers, and returns its stdout, the
// lines copied, and whether go vet exited non-zero.
func (r *vetRun) goVet(flags ...string) (stdout []byte, errs []string, failed bool, err error) {
	self, err := os.Executable()
	if err != nil {
		return nil, nil, false, err
	}
	args := append([]string{"vet", "-vettool=" + self}, flags...)
	args = append(append(append(args, r.flags...), r.skips...), r.patterns...)
	cmd := exec.Command("go", args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, nil, false, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, false, fmt.Errorf("running go vet: %v", err)
	}
	errs = copyVetErrors(r.stderr, stderr)
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, nil, false, fmt.Errorf("running go vet: %v", err)
		}
		failed = true
	}
	return out.Bytes(), errs, failed, nil
}

// copyVetErrors copies go vet's stderr, less the "# package" headers it
// prints before each package's messages, and returns the lines copied.
func copyVetErrors(w io.Writer, r io.Reader) []string {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# ") {
			continue
		}
		fmt.Fprintln(w, line)
		lines = append(lines, line)
	}
	return lines
}

// printText prints the findings on stderr as the in-process checker does:
// "posn: message", then each related position as "posn: \tmessage"; with
// -c N, each position is followed by its lines and N lines around them
// (as golang.org/x/tools/internal/analysis/driverutil.PrintPlain, which
// cannot be imported, prints them).
func (r *vetRun) printText(found []vetjson.Finding) {
	w := bufio.NewWriter(r.stderr)
	defer w.Flush()
	files := make(map[string][]string)
	show := func(posn, end, message string) {
		fmt.Fprintf(w, "%s: %s\n", shortPosn(posn), message)
		if r.context < 0 {
			return
		}
		p, ok := vetjson.ParsePosn(posn)
		if !ok {
			return
		}
		e, ok := vetjson.ParsePosn(end)
		if !ok || e.File != p.File || e.Line < p.Line {
			e = p
		}
		lines, ok := files[p.File]
		if !ok {
			data, _ := os.ReadFile(p.File)
			lines = strings.Split(string(data), "\n")
			files[p.File] = lines
		}
		for i := max(p.Line-r.context, 1); i <= e.Line+r.context && i <= len(lines); i++ {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
	for _, d := range found {
		show(d.Posn, d.End, d.Message)
		for _, rel := range d.Related {
			show(rel.Posn, rel.End, "\t"+rel.Message)
		}
	}
}
