// Package vetjson decodes what "go vet -json" prints: one JSON tree per
// package analysed,
//
//	{"package ID": {"analyzer": [diagnostic, ...] or {"error": "message"}}}
//
// (unitchecker and multichecker print the same shape, as
// golang.org/x/tools/internal/analysis/driverutil.JSONTree, which cannot
// be imported). Every front end that reads the trees (the command's own
// output modes, the language server, the real-code harness) decodes them
// here, so they agree on what a finding is, when two findings are the same,
// and in which order findings come.
//
// go vet analyses a package and its test variant separately ("p" and
// "p [p.test]"), so a finding in a file they share is printed twice: a
// finding is the same as another when the analyzer, the position and the
// message are; two analyzers that report the same position are two
// findings.
package vetjson

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// A Tree is the JSON tree printed for one package: package ID to analyzer
// name to either a list of diagnostics or an error object.
type Tree map[string]map[string]json.RawMessage

// Diagnostic is a diagnostic as the JSON tree holds it. Positions are
// "file:line:col" with byte columns; edits are byte offsets.
type Diagnostic struct {
	Category       string         `json:"category,omitempty"`
	Posn           string         `json:"posn"`
	End            string         `json:"end,omitempty"`
	Message        string         `json:"message"`
	SuggestedFixes []SuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []Related      `json:"related,omitempty"`
}

// Related is a related position of a diagnostic.
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end,omitempty"`
	Message string `json:"message"`
}

// SuggestedFix is a fix of a diagnostic: edits to one or more files.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// TextEdit replaces the bytes [Start, End) of Filename by New.
type TextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// A Finding is a diagnostic of an analyzer on a package.
type Finding struct {
	Package  string // the package ID, such as "p" or "p [p.test]"
	Analyzer string
	Diagnostic
}

// An Error is the failure of an analyzer on a package.
type Error struct {
	Package, Analyzer, Message string
}

func (e Error) Error() string { return e.Package + ": " + e.Analyzer + ": " + e.Message }

// DecodeTrees reads the sequence of trees in r, as go vet prints them (one
// per package) or as the standalone checker does (one in all).
func DecodeTrees(r io.Reader) ([]Tree, error) {
	var trees []Tree
	dec := json.NewDecoder(r)
	for {
		var t Tree
		if err := dec.Decode(&t); err == io.EOF {
			return trees, nil
		} else if err != nil {
			return nil, fmt.Errorf("reading go vet -json output: %v", err)
		}
		trees = append(trees, t)
	}
}

// Findings returns the findings of trees, each once, ordered by position
// (file, line, column), and the analyzers' errors, each once, ordered by
// package and analyzer. An entry that is neither a list of diagnostics
// nor an error object is an error.
func Findings(trees []Tree) ([]Finding, []Error, error) {
	type key struct{ analyzer, posn, message string }
	seen := make(map[key]bool)
	var found []Finding
	var errs []Error
	for _, t := range trees {
		// Sorted, so that "p" comes before "p [p.test]" and the
		// result does not depend on map order.
		for _, pkg := range slices.Sorted(maps.Keys(t)) {
			for _, name := range slices.Sorted(maps.Keys(t[pkg])) {
				raw := t[pkg][name]
				var diags []Diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct {
						Error string `json:"error"`
					}
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						if err := (Error{pkg, name, e.Error}); !slices.Contains(errs, err) {
							errs = append(errs, err)
						}
						continue
					}
					return nil, nil, fmt.Errorf("%s: %s: unexpected go vet -json output %.200s", pkg, name, raw)
				}
				for _, d := range diags {
					k := key{name, d.Posn, d.Message}
					if !seen[k] {
						seen[k] = true
						found = append(found, Finding{Package: pkg, Analyzer: name, Diagnostic: d})
					}
				}
			}
		}
	}
	slices.SortStableFunc(found, func(a, b Finding) int {
		pa, _ := ParsePosn(a.Posn)
		pb, _ := ParsePosn(b.Posn)
		return pa.Compare(pb)
	})
	slices.SortStableFunc(errs, func(a, b Error) int {
		return cmp.Or(strings.Compare(a.Package, b.Package), strings.Compare(a.Analyzer, b.Analyzer))
	})
	return found, errs, nil
}

// Decode reads the trees in r and returns their findings and errors, as
// [Findings] does.
func Decode(r io.Reader) ([]Finding, []Error, error) {
	trees, err := DecodeTrees(r)
	if err != nil {
		return nil, nil, err
	}
	return Findings(trees)
}

// A Position is a parsed "file:line:col" position. Line and Col are
// 1-based; Col counts bytes and is 0 when the position has none.
type Position struct {
	File      string
	Line, Col int
}

// ParsePosn parses a position as go/token.Position.String prints it:
// "file:line:col" or "file:line". It reports false for anything else
// ("-", a file name alone).
func ParsePosn(s string) (Position, bool) {
	rest, last, ok := cutNumber(s)
	if !ok {
		return Position{}, false
	}
	if file, line, ok := cutNumber(rest); ok {
		return Position{file, line, last}, true
	}
	return Position{rest, last, 0}, true
}

// cutNumber splits "s:n" into s and the positive number n.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndex(s, ":")
	if i <= 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n <= 0 {
		return s, 0, false
	}
	return s[:i], n, true
}

func (p Position) String() string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file name, then line, then column.
func (p Position) Compare(q Position) int {
	return cmp.Or(strings.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}
