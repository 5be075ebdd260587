package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/sarif"
)

// TestRunSARIFReportsEveryError runs the in-process SARIF output on a
// module where one package does not type-check and an analyzer fails on
// the two others: each error reaches stderr and the log once, and the
// analyzer's non-run on the broken package is not reported again.
func TestRunSARIFReportsEveryError(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command; skipped with -short")
	}
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": "package a\n\nvar x int = \"one\"\n",
		"b/b.go": "package b\n",
		"c/c.go": "package c\n",
	} {
		file := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "fail",
		Run:  func(p *analysis.Pass) (any, error) { return nil, errors.New("boom in " + p.Pkg.Path()) },
	}

	var stdout, stderr bytes.Buffer
	code := runSARIF("leakvet", []*analysis.Analyzer{boom}, []string{"./a", "./b", "./c"}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1\nstderr:\n%s", code, stderr.String())
	}
	var log sarif.Log
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatalf("no SARIF log: %v\n%s", err, stdout.String())
	}
	var logged []string
	for _, n := range log.Runs[0].Invocations[0].ToolExecutionNotifications {
		logged = append(logged, n.Message.Text)
	}
	for _, want := range []string{`cannot use "one"`, "boom in example.com/m/b", "boom in example.com/m/c"} {
		if strings.Count(stderr.String(), want) != 1 {
			t.Errorf("stderr does not report %q once:\n%s", want, stderr.String())
		}
		if n := strings.Count(strings.Join(logged, "\n"), want); n != 1 {
			t.Errorf("the log reports %q %d times, want once: %q", want, n, logged)
		}
	}
	if strings.Contains(stderr.String(), "skipped") || strings.Contains(strings.Join(logged, "\n"), "skipped") {
		t.Errorf("the skipped analysis of a is reported:\n%s", stderr.String())
	}
}
