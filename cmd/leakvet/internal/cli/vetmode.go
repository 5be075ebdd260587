package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A plain standalone run ("leakvet ./...", "leakvet -json ./...", with or
// without analyzer flags) is served by "go vet -vettool=<this program>":
// go vet analyses one package per process from export data, so memory
// stays that of the largest package rather than of the whole module and
// its dependencies loaded from source at once, and it caches results per
// package, so a second run is nearly free. The output is then written as
// the in-process checker would: text findings with their related positions
// on stderr and exit code 3, or one JSON tree on stdout. Runs with other
// flags (-c, -fix, -diff, -format, -test, ...) use the in-process checker.

// viaVet returns the arguments for go vet when a standalone run with args
// can be served by it, and whether JSON output was asked for.
func viaVet(args []string, analyzers []*analysis.Analyzer) (vetArgs []string, jsonOut, ok bool) {
	names := analyzerNames(analyzers)
	i := 0
	for ; i < len(args) && strings.HasPrefix(args[i], "-"); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		switch {
		case name == "json" && (!hasValue || value == "true"):
			jsonOut = true
		case names[name] && (!hasValue || value == "true" || value == "false"):
			vetArgs = append(vetArgs, "-"+name+"="+strconv.FormatBool(!hasValue || value == "true"))
		default:
			return nil, false, false
		}
	}
	patterns := args[i:]
	if len(patterns) == 0 || patterns[0] == "help" {
		return nil, false, false
	}
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") {
			return nil, false, false // a flag after the patterns: let the checker complain
		}
	}
	return append(vetArgs, patterns...), jsonOut, true
}

// vetDiagnostic is a finding as go vet -json prints it.
type vetDiagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// runViaVet runs go vet with this program as its tool and prints what it
// found. It returns the exit code: 1 when go vet reported errors, else 3
// for findings in text mode, else 0.
func runViaVet(prog string, vetArgs []string, jsonOut bool) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + self, "-json"}, vetArgs...)...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: running go vet: %v\n", prog, err)
		return 1
	}
	copyVetErrors(os.Stderr, stderr)
	failed := false
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			fmt.Fprintf(os.Stderr, "%s: running go vet: %v\n", prog, err)
		}
		failed = true
	}

	trees, err := decodeTrees(&stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: reading go vet output: %v\n", prog, err)
		return 1
	}
	if jsonOut {
		merged := map[string]map[string]json.RawMessage{}
		for _, t := range trees {
			for pkg, byAnalyzer := range t {
				merged[pkg] = byAnalyzer
			}
		}
		if len(merged) > 0 {
			out, _ := json.MarshalIndent(merged, "", "\t")
			fmt.Printf("%s\n", out)
		}
		if failed {
			return 1
		}
		return 0
	}

	found, errs := textFindings(trees)
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	w := bufio.NewWriter(os.Stderr)
	for _, d := range found {
		fmt.Fprintf(w, "%s: %s\n", shortPosn(d.Posn), d.Message)
		for _, r := range d.Related {
			fmt.Fprintf(w, "%s: \t%s\n", shortPosn(r.Posn), r.Message)
		}
	}
	w.Flush()
	switch {
	case failed || len(errs) > 0:
		return 1
	case len(found) > 0:
		return 3
	}
	return 0
}

// copyVetErrors copies go vet's stderr, less the "# package" headers it
// prints before each package's messages.
func copyVetErrors(w io.Writer, r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# ") {
			continue
		}
		fmt.Fprintln(w, line)
	}
}

// decodeTrees reads the JSON trees go vet -json prints, one per package:
// {"package": {"analyzer": [diagnostics] or {"error": "..."}}}.
func decodeTrees(r io.Reader) ([]map[string]map[string]json.RawMessage, error) {
	var trees []map[string]map[string]json.RawMessage
	dec := json.NewDecoder(r)
	for dec.More() {
		var t map[string]map[string]json.RawMessage
		if err := dec.Decode(&t); err != nil {
			return nil, err
		}
		trees = append(trees, t)
	}
	return trees, nil
}

// textFindings returns the findings of trees, each once (go vet analyses a
// package and its test variant separately), sorted by position, and the
// analyzers' errors.
func textFindings(trees []map[string]map[string]json.RawMessage) ([]vetDiagnostic, []string) {
	seen := map[string]bool{}
	var found []vetDiagnostic
	var errs []string
	for _, t := range trees {
		for pkg, byAnalyzer := range t {
			for name, raw := range byAnalyzer {
				var list []vetDiagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, name, e.Error))
					}
					continue
				}
				for _, d := range list {
					key := d.Posn + "\x00" + d.Message
					if !seen[key] {
						seen[key] = true
						found = append(found, d)
					}
				}
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return lessPosn(found[i].Posn, found[j].Posn) })
	sort.Strings(errs)
	return found, errs
}

// lessPosn orders "file:line:col" positions by file, then line, then
// column.
func lessPosn(a, b string) bool {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPosn(p string) (string, int, int) {
	rest, col, ok := cutLastColon(p)
	if !ok {
		return p, 0, 0
	}
	file, line, ok := cutLastColon(rest)
	if !ok {
		return rest, col, 0
	}
	return file, line, col
}

func cutLastColon(s string) (string, int, bool) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}
