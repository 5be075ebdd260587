package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/vetjson"
)

func TestViaVet(t *testing.T) {
	suite := []*analysis.Analyzer{{Name: "rangeclose"}, {Name: "goroutineexit"}}
	for _, tc := range []struct {
		args string
		want string // the run's fields; "" when the run is not served by go vet
		err  string // an error that mentions this
	}{
		{"./...", "text [] [./...] -1 false false [rangeclose goroutineexit]", ""},
		{"-json ./... ./cmd/x", "json [] [./... ./cmd/x] -1 false false [rangeclose goroutineexit]", ""},
		{"-rangeclose ./...", "text [-rangeclose=true] [./...] -1 false false [rangeclose]", ""},
		{"--goroutineexit=false -json ./...", "json [-goroutineexit=false] [./...] -1 false false [rangeclose]", ""},
		{"-c 2 ./...", "text [] [./...] 2 false false [rangeclose goroutineexit]", ""},
		{"-c=0 -test ./...", "text [] [./...] 0 false false [rangeclose goroutineexit]", ""},
		{"-fix ./...", "text [] [./...] -1 true false [rangeclose goroutineexit]", ""},
		{"-fix -diff ./...", "text [] [./...] -1 true true [rangeclose goroutineexit]", ""},
		{"-format=sarif -rangeclose=false ./...", "sarif [-rangeclose=false] [./...] -1 false false [goroutineexit]", ""},
		{"-format sarif ./...", "sarif [] [./...] -1 false false [rangeclose goroutineexit]", ""},
		{"-diff ./...", "", "-diff requires -fix"},
		{"-diff -fix=false ./...", "", "-diff requires -fix"},
		{"-nosuch -diff ./...", "", "-diff requires -fix"},
		{"-fix -json ./...", "", "-fix and -json cannot be used together"},
		{"-fix -format=sarif ./...", "", "-fix and -format=sarif cannot be used together"},
		{"-fix -c 1 ./...", "", "-c cannot be used with -fix"},
		{"-format=sarif -c 2 ./...", "", "-c cannot be used with -format=sarif"},
		{"-format=xml ./...", "", `"xml"`},
		{"-test=false ./...", "", ""},
		{"-c x ./...", "", ""},
		{"-nosuch ./...", "", ""},
		{"-rangeclose=maybe ./...", "", ""},
		{"help rangeclose", "", ""},
		{"-json", "", ""},
		{"./... -json", "", ""},
		{"-- ./...", "", ""},
	} {
		r, ok, err := viaVet("leakvet", strings.Fields(tc.args), suite)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("viaVet(%q): error %v, want one that mentions %s", tc.args, err, tc.err)
			}
		case err != nil:
			t.Errorf("viaVet(%q): %v", tc.args, err)
		case tc.want == "" && ok:
			t.Errorf("viaVet(%q) is served by go vet, want in process", tc.args)
		case tc.want != "" && !ok:
			t.Errorf("viaVet(%q) runs in process, want %s", tc.args, tc.want)
		case ok:
			var names []string
			for _, a := range r.selected {
				names = append(names, a.Name)
			}
			got := fmt.Sprintf("%s %v %v %d %v %v %v", r.format, r.flags, r.patterns, r.context, r.fix, r.diff, names)
			if got != tc.want {
				t.Errorf("viaVet(%q) = %s, want %s", tc.args, got, tc.want)
			}
		}
	}
}

func TestPrintTextContext(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	os.WriteFile(file, []byte("package a\n\nfunc f() {\n\tfor range ch {\n\t}\n}\n"), 0o666)
	found := []vetjson.Finding{{Analyzer: "rangeclose", Diagnostic: vetjson.Diagnostic{
		Posn: file + ":4:2", End: file + ":5:3", Message: "range never ends",
		Related: []vetjson.Related{{Posn: file + ":1:1", Message: "made here"}},
	}}}
	for _, tc := range []struct {
		context int
		want    string
	}{
		{-1, "F:4:2: range never ends\nF:1:1: \tmade here\n"},
		{0, "F:4:2: range never ends\n4\t\tfor range ch {\n5\t\t}\nF:1:1: \tmade here\n1\tpackage a\n"},
		{1, "F:4:2: range never ends\n3\tfunc f() {\n4\t\tfor range ch {\n5\t\t}\n6\t}\nF:1:1: \tmade here\n1\tpackage a\n2\t\n"},
	} {
		var out bytes.Buffer
		r := &vetRun{context: tc.context, stderr: &out}
		r.printText(found)
		if want := strings.ReplaceAll(tc.want, "F", file); out.String() != want {
			t.Errorf("-c %d:\n%s\nwant\n%s", tc.context, out.String(), want)
		}
	}
}

func TestWriteSARIFReportsEveryError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	errs := []vetjson.Error{
		{Package: "m/a", Analyzer: "rangeclose", Message: "first"},
		{Package: "m/b", Analyzer: "rangeclose", Message: "second"},
		{Package: "m/b", Analyzer: "lostsignal", Message: "third"},
	}
	code := writeSARIF(&stdout, &stderr, "leakvet", nil, nil, []string{"vet: m/c/c.go:1:1: bad"}, errs)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, msg := range []string{"first", "second", "third"} {
		if !strings.Contains(stderr.String(), msg) {
			t.Errorf("stderr lacks %q:\n%s", msg, stderr.String())
		}
	}
	for _, msg := range []string{"first", "second", "third", "m/c/c.go:1:1: bad"} {
		if !strings.Contains(stdout.String(), msg) {
			t.Errorf("SARIF log lacks %q:\n%s", msg, stdout.String())
		}
	}
	if strings.Contains(stderr.String(), "bad") {
		t.Errorf("go vet's own line was printed again:\n%s", stderr.String())
	}
}
