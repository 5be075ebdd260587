package suppress_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/internal/suppress"
	"github.com/leakvet/leakvet/passes/rangeclose"
)

// TestReport runs a pass that reports through suppress.Report on
// findings with and without directives.
func TestReport(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, rangeclose.Analyzer, "a")
}

// TestSuiteNames checks that the fixed list of names the directive
// accepts is the suite's, in order: a pass added to analyzers.Suite must
// be added to the list too.
func TestSuiteNames(t *testing.T) {
	var names []string
	for _, a := range analyzers.Suite {
		names = append(names, a.Name)
	}
	if got := suppress.Analyzers(); !slices.Equal(got, names) {
		t.Fatalf("suppress.Analyzers() = %v, want the suite %v", got, names)
	}
	for _, name := range names {
		if d := parse(t, "//leakvet:ignore "+name+" a reason"); d == nil || d.Problem != "" || !d.Matches(name) {
			t.Errorf("directive for %s: %+v", name, d)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text    string
		isDir   bool
		problem bool
		names   []string
		reason  string
	}{
		{"//leakvet:ignore rangeclose why", true, false, []string{"rangeclose"}, "why"},
		{"//leakvet:ignore\trangeclose  two  words ", true, false, []string{"rangeclose"}, "two  words"},
		{"//leakvet:ignore all why", true, false, []string{"all"}, "why"},
		{"//leakvet:ignore rangeclose,all why", true, false, []string{"rangeclose", "all"}, "why"},
		{"//leakvet:ignore rangeclose", true, true, []string{"rangeclose"}, ""},
		{"//leakvet:ignore ", true, true, nil, ""},
		{"//leakvet:ignore nosuch why", true, true, []string{"nosuch"}, "why"},
		{"//leakvet:ignore ,rangeclose why", true, true, []string{"", "rangeclose"}, "why"},
		{"// leakvet:ignore rangeclose why", false, false, nil, ""},
		{"//leakvet:ignored rangeclose why", false, false, nil, ""},
		{"/*leakvet:ignore rangeclose why*/", false, false, nil, ""},
		{"//nolint:leakvet", false, false, nil, ""},
	} {
		d := parse(t, tc.text)
		if (d != nil) != tc.isDir {
			t.Errorf("%q: directive = %v, want %v", tc.text, d != nil, tc.isDir)
			continue
		}
		if d == nil {
			continue
		}
		if (d.Problem != "") != tc.problem || !slices.Equal(d.Names, tc.names) || d.Reason != tc.reason {
			t.Errorf("%q: got names %q reason %q problem %q", tc.text, d.Names, d.Reason, d.Problem)
		}
	}
}

// parse parses text, a comment, in a small file and returns its
// directive.
func parse(t *testing.T, text string) *suppress.Directive {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", "package x\n\n"+text+"\nfunc F() {}\n", parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var c *ast.Comment
	for _, cg := range f.Comments {
		c = cg.List[0]
	}
	if c == nil {
		t.Fatalf("%q: no comment", text)
	}
	return suppress.Parse(fset, c)
}
