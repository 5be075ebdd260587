package analyzers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/budget"
)

// TestOneLeakOneDiagnostic runs the whole suite over every analyzer's
// corpus and checks that no goroutine is reported twice: no two findings
// share a position, and no go statement is related to findings of two
// different analyzers.
func TestOneLeakOneDiagnostic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every corpus with its dependencies")
	}
	// budget reports only when asked, and only the functions over the
	// size budget: ask, with a budget that the functions of its corpus
	// exceed and those of the other corpora do not.
	setBudget(t, 200)
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, a := range analyzers.Suite {
		if _, err := os.Stat(filepath.Join(dir, "src", a.Name)); err == nil {
			patterns = append(patterns, a.Name+"/...")
		}
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading the corpora", n)
	}
	// SanityCheck also checks that every fact encodes, deterministically:
	// Bazel nogo and go vet carry facts between processes.
	graph, err := checker.Analyze(analyzers.Suite, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}

	atPos := map[string]string{}  // finding position -> analyzer
	goStmt := map[string]string{} // go statement position -> analyzer
	count := map[string]int{}     // analyzer -> findings
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		name := act.Analyzer.Name
		for _, d := range act.Diagnostics {
			count[name]++
			pos := act.Package.Fset.Position(d.Pos).String()
			if other, ok := atPos[pos]; ok {
				t.Errorf("%s: reported by both %s and %s", pos, other, name)
			}
			atPos[pos] = name
			for _, r := range d.Related {
				if !strings.Contains(r.Message, "started here") {
					continue
				}
				g := act.Package.Fset.Position(r.Pos).String()
				if other, ok := goStmt[g]; ok && other != name {
					t.Errorf("the goroutine started at %s is reported by both %s and %s", g, other, name)
				}
				goStmt[g] = name
			}
		}
	}
	t.Logf("findings per analyzer: %v", count)
	// An analyzer that reports nothing (no corpus, or a corpus it is
	// silent on) is not checked at all by the loop above.
	for _, a := range analyzers.Suite {
		if count[a.Name] == 0 {
			t.Errorf("%s reported nothing on the corpora (testdata/src/%s): the check above proves nothing for it", a.Name, a.Name)
		}
	}
}

// setBudget sets the size budget to max blocks for the test, and turns on
// the budget analyzer's reports.
func setBudget(t *testing.T, max int) {
	old := ssaidiom.MaxBlocks
	ssaidiom.MaxBlocks = max
	t.Cleanup(func() { ssaidiom.MaxBlocks = old })
	report := budget.Analyzer.Flags.Lookup("report")
	if err := report.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { report.Value.Set(report.DefValue) })
}
