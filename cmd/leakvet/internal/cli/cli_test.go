package cli

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestFilter(t *testing.T) {
	names := map[string]bool{"rangeclose": true, "buildssa": true, "ctrlflow": true}
	for _, tc := range []struct{ in, want string }{
		{ // a type error, and the lines that only repeat it
			"/m/main.go:6:14: cannot use \"one\" (untyped string constant) as int value in variable declaration\n" +
				"ctrlflow: analysis skipped due to errors in package\n" +
				"buildssa: failed prerequisites: ctrlflow@example.com/m\n" +
				"rangeclose: failed prerequisites: buildssa@example.com/m\n",
			"/m/main.go:6:14: cannot use \"one\" (untyped string constant) as int value in variable declaration\n",
		},
		{ // an error without a position
			"-: stat /m/nosuchdir: directory not found\n",
			"leakvet: stat /m/nosuchdir: directory not found\n",
		},
		{ // a go command that could not list the packages, as go vet prints it
			"leakvet: err: exit status 1: stderr: go: go.mod file not found in current directory\n\n",
			"go: go.mod file not found in current directory\n",
		},
		{ // the same, without a position
			"-: err: exit status 1: stderr: go: pattern nosuch/...: no packages\nsecond line\n\n",
			"go: pattern nosuch/...: no packages\nsecond line\n",
		},
		{ // an analyzer's own error is kept
			"rangeclose: internal error: boom\nbuildssa: failed prerequisites: x\n",
			"rangeclose: internal error: boom\n",
		},
		{ // diagnostics, related positions and lines of unknown shape are kept
			"/m/main.go:55:2: range over channel input never ends\n/m/main.go:33:11: \tmake\nother: failed prerequisites: x\nno newline",
			"/m/main.go:55:2: range over channel input never ends\n/m/main.go:33:11: \tmake\nother: failed prerequisites: x\nno newline",
		},
	} {
		var out strings.Builder
		if err := filter(&out, strings.NewReader(tc.in), "leakvet", names); err != nil {
			t.Fatal(err)
		}
		if out.String() != tc.want {
			t.Errorf("filter(%q)\n got %q\nwant %q", tc.in, out.String(), tc.want)
		}
	}
}

func TestFlagErrorWriter(t *testing.T) {
	var out strings.Builder
	fw := &flagErrorWriter{prog: "leakvet", w: &out}
	fw.Write([]byte("flag provided but not defined: -nosuch\n"))
	want := "leakvet: flag provided but not defined: -nosuch (run 'leakvet -h' for usage)\n"
	if !fw.failed || out.String() != want {
		t.Errorf("got %q, failed=%v; want %q, failed=true", out.String(), fw.failed, want)
	}
}

func TestAnalyzerNames(t *testing.T) {
	base := &analysis.Analyzer{Name: "base"}
	a := &analysis.Analyzer{Name: "a", Requires: []*analysis.Analyzer{base}}
	b := &analysis.Analyzer{Name: "b", Requires: []*analysis.Analyzer{base}}
	got := analyzerNames([]*analysis.Analyzer{a, b})
	if len(got) != 3 || !got["a"] || !got["b"] || !got["base"] {
		t.Errorf("analyzerNames = %v, want a, b and base", got)
	}
}
