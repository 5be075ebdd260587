package analyzers_test

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/analyzers"
)

// TestSuite checks the invariants every front end relies on.
func TestSuite(t *testing.T) {
	if len(analyzers.Suite) == 0 {
		t.Fatal("the suite is empty")
	}
	if err := analysis.Validate(analyzers.Suite); err != nil {
		t.Fatalf("analysis.Validate: %v", err)
	}
	seen := make(map[string]bool)
	for _, a := range analyzers.Suite {
		t.Run(a.Name, func(t *testing.T) {
			if seen[a.Name] {
				t.Errorf("duplicate analyzer name %q", a.Name)
			}
			seen[a.Name] = true
			if a.Name != strings.ToLower(a.Name) {
				t.Errorf("name %q is not lower-case", a.Name)
			}
			if pkg := packageOf(a.Run); pkg != "github.com/leakvet/leakvet/passes/"+a.Name {
				t.Errorf("analyzer %q is defined in package %s, want passes/%s", a.Name, pkg, a.Name)
			}
			checkTitle(t, a)
			if want := "https://pkg.go.dev/github.com/leakvet/leakvet/passes/" + a.Name; a.URL != want {
				t.Errorf("URL = %q, want %q", a.URL, want)
			}
			if fi, err := os.Stat(filepath.Join("..", "testdata", "src", a.Name)); err != nil || !fi.IsDir() {
				t.Errorf("no corpus directory testdata/src/%s", a.Name)
			}
		})
	}
}

// checkTitle checks the part of Doc before the first blank line: the
// title vet prints, lower-case, without a trailing period, at most ~60
// letters (see analysis.Analyzer.Doc).
func checkTitle(t *testing.T, a *analysis.Analyzer) {
	title, rest, _ := strings.Cut(a.Doc, "\n\n")
	switch {
	case title == "":
		t.Errorf("empty doc title")
	case len(title) > 64:
		t.Errorf("doc title %q is longer than 64 bytes", title)
	case unicode.IsUpper(rune(title[0])):
		t.Errorf("doc title %q starts with a capital", title)
	case strings.HasSuffix(title, "."):
		t.Errorf("doc title %q ends with a period", title)
	case strings.TrimSpace(rest) == "":
		t.Errorf("doc has a title but no description")
	}
}

// packageOf returns the import path of the package that defines fn.
func packageOf(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	return name[:slash+1+dot]
}
