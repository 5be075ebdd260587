package leaktest

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/internal/sarif"
)

// Exit codes, as for a standalone leakvet run.
const (
	exitClean  = 0
	exitError  = 1 // bad input, or go test failed without leaking
	exitUsage  = 2
	exitLeaked = 3 // a confirmed or runtime-only leak
)

// exitCode is 3 when a goroutine leaked, 1 when the tests failed without
// leaking, and 0 otherwise. A finding no test triggered does not fail the
// run: the static run already reports it.
func (r *Result) exitCode() int {
	for _, v := range r.Findings {
		if v.Confirmed {
			return exitLeaked
		}
	}
	if len(r.RuntimeOnly) > 0 {
		return exitLeaked
	}
	if r.TestsFailed {
		return exitError
	}
	return exitClean
}

// writeText prints the verdicts for a reader.
func (r *Result) writeText(w io.Writer, cwd string) {
	confirmed, notTriggered := 0, 0
	for _, v := range r.Findings {
		status := "not triggered"
		if v.Confirmed {
			status = "confirmed"
			confirmed++
		} else {
			notTriggered++
		}
		fmt.Fprintf(w, "%s: %s: %s [%s]\n", rel(cwd, v.Posn), status, v.Message, v.Analyzer)
		for _, s := range v.Sites {
			fmt.Fprintf(w, "\t%s\n", s.describe(cwd, false))
		}
	}
	for _, s := range r.RuntimeOnly {
		at := rel(cwd, s.Blocking)
		if at == "" {
			at = "-"
		}
		fmt.Fprintf(w, "%s: runtime only: %s\n", at, s.describe(cwd, true))
	}
	tested, untested := 0, []string{}
	for _, p := range r.Packages {
		if p.Tested {
			tested++
		} else {
			untested = append(untested, p.ImportPath+" ("+p.Note+")")
		}
	}
	fmt.Fprintf(w, "leakvet test: %d confirmed, %d not triggered, %d runtime only; %d of %d packages tested%s\n",
		confirmed, notTriggered, len(r.RuntimeOnly), tested, len(r.Packages), modes(r.Packages))
	for _, u := range untested {
		fmt.Fprintf(w, "\tnot tested: %s\n", u)
	}
	if r.TestsFailed {
		fmt.Fprintln(w, "\tgo test failed (see its output above)")
	}
}

// describe says how many goroutines leaked at a site, what they hold,
// where they were started and by which tests.
func (s *Site) describe(cwd string, withFunc bool) string {
	var b strings.Builder
	verb := "leaked"
	if s.Mode == "snapshot" {
		verb = "left running"
	}
	fmt.Fprintf(&b, "%d goroutine%s %s blocked in %s", s.Goroutines, plural(s.Goroutines), verb, s.State)
	if withFunc && s.Func != "" {
		fmt.Fprintf(&b, " in %s", s.Func)
	}
	fmt.Fprintf(&b, ", holding at least %s of stack", bytesText(s.StackBytes))
	if s.Creator != "" {
		fmt.Fprintf(&b, "; started at %s by %s", rel(cwd, s.Creator), s.CreatorFunc)
	}
	var tests []string
	for _, t := range s.Tests {
		if t == "" {
			t = "(outside any test: TestMain or package initialization)"
		}
		tests = append(tests, t)
	}
	fmt.Fprintf(&b, "; by %s", strings.Join(tests, ", "))
	return b.String()
}

func modes(pkgs []Package) string {
	for _, p := range pkgs {
		if p.Mode == "snapshot" {
			return " (no goroutineleak profile in this toolchain: goroutines left at exit are reported, not proven leaked)"
		}
	}
	return ""
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func bytesText(n uint64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}

// rel shortens a "file:line..." position to a path relative to cwd, when it
// is below it.
func rel(cwd, posn string) string {
	if cwd == "" || !filepath.IsAbs(posn) {
		return posn
	}
	if r, err := filepath.Rel(cwd, posn); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return posn
}

func (r *Result) writeJSON(w io.Writer) error {
	if r.Findings == nil {
		r.Findings = []*Verdict{}
	}
	if r.RuntimeOnly == nil {
		r.RuntimeOnly = []*Site{}
	}
	data, err := json.MarshalIndent(r, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// Rule of the leaks no finding explains, in the SARIF log.
const runtimeOnlyRule = "runtimeleak"

// writeSARIF writes a SARIF log: one result per finding, with the property
// "leakvet/runtime" set to "confirmed" or "not triggered", and one per
// runtime-only site, of the rule runtimeleak, with "runtime only".
func (r *Result) writeSARIF(w io.Writer, cwd string) error {
	run := &sarif.Run{
		Tool:       sarif.Tool{Driver: sarif.Driver{Name: "leakvet", InformationURI: "https://github.com/leakvet/leakvet", Rules: []sarif.Rule{}}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarif.Result{},
	}
	rules := map[string]int{}
	rule := func(id, text string) int {
		if i, ok := rules[id]; ok {
			return i
		}
		rules[id] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarif.Rule{ID: id, Name: id, ShortDescription: &sarif.Message{Text: text},
			DefaultConfiguration: &sarif.Configuration{Level: "warning"}})
		return rules[id]
	}
	for _, v := range r.Findings {
		status, level := "not triggered", "warning"
		msg := v.Message
		if v.Confirmed {
			status, level = "confirmed", "error"
			for _, s := range v.Sites {
				msg += "; " + s.describe(cwd, false)
			}
		}
		res := sarif.Result{RuleID: v.Analyzer, RuleIndex: rule(v.Analyzer, "a finding of leakvet's "+v.Analyzer+" analyzer"),
			Level: level, Message: sarif.Message{Text: msg}, Locations: []sarif.Location{location(cwd, v.Posn)},
			Properties: map[string]any{"leakvet/runtime": status}}
		for _, rel := range v.Related {
			loc := location(cwd, rel.Posn)
			loc.Message = &sarif.Message{Text: strings.TrimSpace(rel.Message)}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		run.Results = append(run.Results, res)
	}
	for _, s := range r.RuntimeOnly {
		res := sarif.Result{RuleID: runtimeOnlyRule, RuleIndex: rule(runtimeOnlyRule, "goroutines a test leaked that no static finding explains"),
			Level: "error", Message: sarif.Message{Text: s.describe(cwd, true)}, Locations: []sarif.Location{location(cwd, s.Blocking)},
			Properties: map[string]any{"leakvet/runtime": "runtime only", "leakvet/goroutines": s.Goroutines, "leakvet/stackBytes": s.StackBytes}}
		if s.Creator != "" {
			loc := location(cwd, s.Creator)
			loc.Message = &sarif.Message{Text: "the goroutines are started here"}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		run.Results = append(run.Results, res)
	}
	if cwd != "" {
		run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{"%SRCROOT%": {URI: "file://" + filepath.ToSlash(cwd) + "/"}}
	}
	log := &sarif.Log{Schema: sarif.SchemaURI, Version: "2.1.0", Runs: []*sarif.Run{run}}
	return log.Write(w)
}

// location is a SARIF location for "file:line[:col]".
func location(cwd, posn string) sarif.Location {
	file, line, col := splitPosn(posn)
	al := sarif.ArtifactLocation{URI: "file://" + filepath.ToSlash(file)}
	if r := rel(cwd, file); r != file {
		al = sarif.ArtifactLocation{URI: filepath.ToSlash(r), URIBaseID: "%SRCROOT%"}
	}
	loc := sarif.Location{PhysicalLocation: sarif.PhysicalLocation{ArtifactLocation: al}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarif.Region{StartLine: line, StartColumn: col, EndLine: line, EndColumn: col}
	}
	return loc
}

// splitPosn splits "file:line:col" or "file:line"; col is 1 when absent.
func splitPosn(posn string) (file string, line, col int) {
	file, line, ok := fileLine(posn)
	if !ok {
		return posn, 0, 1
	}
	col = 1
	if rest, last, ok := cutLast(posn); ok && rest != file {
		if n, err := strconv.Atoi(last); err == nil {
			col = n
		}
	}
	return file, line, col
}
