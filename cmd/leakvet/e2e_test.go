package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leakvet/leakvet/analyzers"
)

// seedMessage is the start of the finding on the seed program.
var seedMessage = regexp.MustCompile(`^range over channel input never ends: input is never closed`)

// TestEndToEnd builds the leakvet binary and runs it, under go vet and
// standalone, on the modules in testdata: seed (a worker pool whose input
// channel is never closed), seedfixed (the same program with close(input))
// and typeerror (a package that does not type-check).
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)
	seed, fixed, typeerror := e.dir("seed"), e.dir("seedfixed"), e.dir("typeerror")
	seedMain := filepath.Join(seed, "main.go")
	rangeLine := lineOf(t, seedMain, "for v := range input")

	t.Run("vet/seed", func(t *testing.T) {
		r := e.run(t, seed, "go", "vet", "-vettool="+e.bin, "./...")
		if r.code == 0 {
			t.Errorf("exit code 0, want non-zero\n%s", r)
		}
		diags := parseText(t, seed, r.stderr)
		if len(diags) != 1 {
			t.Fatalf("got %d diagnostics, want 1\n%s", len(diags), r)
		}
		diags[0].check(t, seedMain, rangeLine)
	})

	t.Run("vet/seedfixed", func(t *testing.T) {
		r := e.run(t, fixed, "go", "vet", "-vettool="+e.bin, "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit code 0 and no output\n%s", r)
		}
	})

	t.Run("vet/disabled", func(t *testing.T) {
		// go vet passes -NAME=false on: rangeclose does not run.
		r := e.run(t, seed, "go", "vet", "-vettool="+e.bin, "-json", "-rangeclose=false", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("want exit code 0 and nothing on stderr\n%s", r)
		}
		// One JSON tree per package.
		dec := json.NewDecoder(strings.NewReader(r.stdout))
		for dec.More() {
			var tree map[string]map[string]json.RawMessage
			if err := dec.Decode(&tree); err != nil {
				t.Fatalf("stdout is not a sequence of JSON trees: %v\n%s", err, r)
			}
			for pkg, byAnalyzer := range tree {
				if _, ok := byAnalyzer["rangeclose"]; ok {
					t.Errorf("%s: rangeclose ran although disabled\n%s", pkg, r)
				}
			}
		}
	})

	t.Run("standalone/seed", func(t *testing.T) {
		r := e.run(t, seed, e.bin, "./...")
		if r.code != 3 {
			t.Errorf("exit code %d, want 3 (findings)\n%s", r.code, r)
		}
		diags := parseText(t, seed, r.stderr)
		if len(diags) != 1 {
			t.Fatalf("got %d diagnostics, want 1\n%s", len(diags), r)
		}
		diags[0].check(t, seedMain, rangeLine)
	})

	t.Run("standalone/seedfixed", func(t *testing.T) {
		r := e.run(t, fixed, e.bin, "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit code 0 and no output\n%s", r)
		}
	})

	t.Run("standalone/json", func(t *testing.T) {
		r := e.run(t, seed, e.bin, "-json", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("want exit code 0 and nothing on stderr\n%s", r)
		}
		// {"pkgID": {"analyzer": [{"posn": ..., "message": ...}] or {"error": ...}}}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("stdout is not the JSON tree: %v\n%s", err, r)
		}
		var diags []diagnostic
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var list []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &list); err != nil {
					t.Errorf("%s: %s: not a list of diagnostics: %s", pkg, name, raw)
					continue
				}
				for _, d := range list {
					if pkg != "example.com/seed" || name != "rangeclose" {
						t.Errorf("diagnostic under %s/%s, want example.com/seed/rangeclose", pkg, name)
					}
					diags = append(diags, parsePosn(t, seed, d.Posn, d.Message))
				}
			}
		}
		if len(diags) != 1 {
			t.Fatalf("got %d diagnostics, want 1\n%s", len(diags), r)
		}
		diags[0].check(t, seedMain, rangeLine)
	})

	// Bad input: one line on stderr that names the problem, nothing on
	// stdout, and the documented exit code.
	for _, tc := range []struct {
		name    string
		dir     string
		args    []string
		code    int
		mention string
	}{
		{"unknown flag", seed, []string{"-nosuch", "./..."}, 2, "-nosuch"},
		{"invalid flag value", seed, []string{"-rangeclose=maybe", "./..."}, 2, `"maybe"`},
		{"help for unknown analyzer", seed, []string{"help", "nosuch"}, 1, `"nosuch"`},
		{"help for known and unknown analyzers", seed, []string{"help", "rangeclose", "nosuch"}, 1, `"nosuch"`},
		{"nonexistent directory", seed, []string{"./nosuchdir"}, 1, "nosuchdir"},
		{"nonexistent directory tree", seed, []string{"./nosuchdir/..."}, 1, "nosuchdir"},
		{"pattern matching no packages", seed, []string{"nosuch/..."}, 1, "matched no packages"},
		{"type error", typeerror, []string{"./..."}, 1, `cannot use "one"`},
		{"unknown format", seed, []string{"-format=xml", "./..."}, 2, `"xml"`},
		{"format without value", seed, []string{"-format"}, 2, "-format"},
		{"sarif with unknown flag", seed, []string{"-format=sarif", "-nosuch", "./..."}, 2, "-nosuch"},
		{"sarif without packages", seed, []string{"-format=sarif"}, 2, "no packages"},
		{"lsp with unknown flag", seed, []string{"lsp", "-nosuch"}, 2, "-nosuch"},
		{"lsp with arguments", seed, []string{"lsp", "./..."}, 2, "./..."},
		{"test with a flag it cannot honour", seed, []string{"test", "-overlay=o.json", "./..."}, 2, "-overlay"},
		{"test of a nonexistent directory", seed, []string{"test", "./nosuchdir"}, 1, "nosuchdir"},
	} {
		t.Run("bad input/"+tc.name, func(t *testing.T) {
			r := e.run(t, tc.dir, e.bin, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\n%s", r.code, tc.code, r)
			}
			if r.stdout != "" {
				t.Errorf("want nothing on stdout\n%s", r)
			}
			if n := len(lines(r.stderr)); n < 1 || n > 2 {
				t.Errorf("got %d lines on stderr, want 1 (or 2)\n%s", n, r)
			}
			if !strings.Contains(r.stderr, tc.mention) {
				t.Errorf("stderr does not mention %s\n%s", tc.mention, r)
			}
		})
	}

	t.Run("help/analyzer", func(t *testing.T) {
		for _, a := range analyzers.Suite {
			r := e.run(t, seed, e.bin, "help", a.Name)
			title, body, _ := strings.Cut(a.Doc, "\n\n")
			if r.code != 0 || r.stderr != "" {
				t.Errorf("want exit code 0 and nothing on stderr\n%s", r)
			}
			if !strings.HasPrefix(r.stdout, a.Name+": "+title+"\n") || !strings.Contains(r.stdout, body) {
				t.Errorf("help %s does not print the analyzer's manual\n%s", a.Name, r)
			}
		}
	})

	t.Run("help/test", func(t *testing.T) {
		r := e.run(t, seed, e.bin, "help", "test")
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "leakvet test [") {
			t.Errorf("help test does not print the manual of leakvet test\n%s", r)
		}
	})

	t.Run("help/usage", func(t *testing.T) {
		h := e.run(t, seed, e.bin, "-h")
		if h.code != 0 || h.stderr != "" {
			t.Errorf("want exit code 0 and nothing on stderr\n%s", h)
		}
		for _, want := range []string{"go vet -vettool=", "# Exit codes", "-json"} {
			if !strings.Contains(h.stdout, want) {
				t.Errorf("-h does not mention %q\n%s", want, h)
			}
		}
		for _, a := range analyzers.Suite {
			if !strings.Contains(h.stdout, a.Name) {
				t.Errorf("-h does not list analyzer %s\n%s", a.Name, h)
			}
		}
		if help := e.run(t, seed, e.bin, "help"); help.stdout != h.stdout || help.code != 0 {
			t.Errorf("help differs from -h\n%s", help)
		}
	})
}

// env is what the end-to-end test runs with: the binary under test, and a
// clean environment for the nested modules in testdata.
type env struct {
	bin     string   // the leakvet binary
	goCmd   string   // the go command
	environ []string // environment for runs in the nested modules
	ctx     context.Context
}

func newEnv(t *testing.T) *env {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	t.Cleanup(cancel)
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}

	bin := filepath.Join(t.TempDir(), "leakvet")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.CommandContext(ctx, goCmd, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	// Keep the caches of the outer go command, so that nothing is
	// downloaded and the standard library is not rebuilt, and drop every
	// other setting it may have.
	out, err := exec.CommandContext(ctx, goCmd, "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	vals := lines(string(out))
	if len(vals) != 3 {
		t.Fatalf("go env printed %q", out)
	}
	environ := []string{
		"PATH=" + filepath.Dir(goCmd) + string(filepath.ListSeparator) + os.Getenv("PATH"),
		"GOCACHE=" + vals[0],
		"GOMODCACHE=" + vals[1],
		"GOPATH=" + vals[2],
		"GOENV=off",
		"GOFLAGS=-mod=mod",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
		"GOPROXY=off", // the nested modules have no dependencies
	}
	for _, k := range []string{"HOME", "TMPDIR", "SYSTEMROOT", "USERPROFILE", "LOCALAPPDATA", "APPDATA", "TEMP", "TMP"} {
		if v, ok := os.LookupEnv(k); ok {
			environ = append(environ, k+"="+v)
		}
	}
	return &env{bin: bin, goCmd: goCmd, environ: environ, ctx: ctx}
}

// dir returns the absolute path of the nested module testdata/name.
func (e *env) dir(name string) string {
	d, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return d
}

type result struct {
	cmd            string
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return "$ " + r.cmd + "\nexit code " + strconv.Itoa(r.code) +
		"\nstdout:\n" + r.stdout + "\nstderr:\n" + r.stderr
}

// run runs name (the go command, or the binary under test) with args in
// dir and returns its exit code and output.
func (e *env) run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	if name == "go" {
		name = e.goCmd
	}
	cmd := exec.CommandContext(e.ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = e.environ
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{
		cmd:    filepath.Base(name) + " " + strings.Join(args, " ") + "  (in " + dir + ")",
		stdout: stdout.String(),
		stderr: stderr.String(),
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", r.cmd, err)
	}
	return r
}

type diagnostic struct {
	file    string
	line    int
	message string
}

// check reports an error unless d is the seed's finding: at line of file,
// with the expected message.
func (d diagnostic) check(t *testing.T, file string, line int) {
	t.Helper()
	if !sameFile(d.file, file) || d.line != line {
		t.Errorf("diagnostic at %s:%d, want %s:%d", d.file, d.line, file, line)
	}
	if !seedMessage.MatchString(d.message) {
		t.Errorf("diagnostic message %q does not match %q", d.message, seedMessage)
	}
}

var textDiag = regexp.MustCompile(`^(.+):(\d+):\d+: (.*)$`)

// parseText parses "file:line:col: message" lines printed by go vet or by
// leakvet, relative to dir. Related positions (their message starts with a
// tab) and go vet's "# package" headers are skipped; any other line is an
// error.
func parseText(t *testing.T, dir, text string) []diagnostic {
	t.Helper()
	var diags []diagnostic
	for _, l := range lines(text) {
		if strings.HasPrefix(l, "#") {
			continue
		}
		m := textDiag.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("unexpected output line %q", l)
			continue
		}
		if strings.HasPrefix(m[3], "\t") {
			continue // a related position of the previous diagnostic
		}
		diags = append(diags, parsePosn(t, dir, m[1]+":"+m[2]+":0", m[3]))
	}
	return diags
}

// parsePosn parses a "file:line:col" position, relative to dir.
func parsePosn(t *testing.T, dir, posn, message string) diagnostic {
	t.Helper()
	rest, _, _ := cutLast(posn, ":") // drop the column
	file, line, _ := cutLast(rest, ":")
	n, err := strconv.Atoi(line)
	if err != nil {
		t.Errorf("bad position %q", posn)
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return diagnostic{file: file, line: n, message: message}
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// lineOf returns the number of the only line of file that contains s.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range lines(string(data)) {
		if strings.Contains(l, s) {
			if line != 0 {
				t.Fatalf("%s: %q on lines %d and %d", file, s, line, i+1)
			}
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatalf("%s: no line contains %q", file, s)
	}
	return line
}

// lines splits s into lines, without a last empty one.
func lines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
