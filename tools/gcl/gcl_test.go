package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leakvet/leakvet/internal/sarif/schematest"
)

// issue is what the test reads of golangci-lint's JSON output.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

func (i issue) String() string {
	return i.Pos.Filename + ":" + itoa(i.Pos.Line) + ": " + i.Text + " (" + i.FromLinter + ")"
}

// findings are the leakvet findings on testdata/fixture, without the
// related positions golangci-lint reports as issues of their own. The
// loops under //nolint:leakvet and //leakvet:ignore are absent.
var findings = []string{
	"pool.go:26: rangeclose: range over channel input never ends",
	"silenced.go:29: ignoredirective: leakvet:ignore directive gives no reason",
	"silenced.go:30: rangeclose: range over channel events never ends",
}

// TestCustomGolangciLint builds golangci-lint with the leakvet plugin and
// runs it on testdata/fixture.
func TestCustomGolangciLint(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "leakvet-gcl")
	start := time.Now()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built golangci-lint with the plugin in %v", time.Since(start).Round(time.Millisecond))

	fixture, err := filepath.Abs(filepath.Join("testdata", "fixture"))
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"GOLANGCI_LINT_CACHE="+t.TempDir(),
		"GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local", "GOPROXY=off")
	lint := func(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir, cmd.Env = dir, env
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			code = exit.ExitCode()
		case err != nil:
			t.Fatal(err)
		}
		return code, o.String(), e.String()
	}
	// issues runs golangci-lint with JSON output and returns the issues,
	// sorted, with those of related positions apart.
	issues := func(t *testing.T, dir string, args ...string) (main, related []issue) {
		t.Helper()
		args = append([]string{"run", "--show-stats=false", "--output.json.path=stdout", "--output.text.path=stderr"}, args...)
		code, stdout, stderr := lint(t, dir, append(args, "./...")...)
		var out struct{ Issues []issue }
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatalf("exit code %d, output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout, stderr)
		}
		if want := 0; len(out.Issues) > 0 {
			want = 1
			if code != want {
				t.Errorf("exit code %d with issues, want %d\n%s", code, want, stderr)
			}
		}
		for _, i := range out.Issues {
			if strings.Contains(i.Text, "(related information)") {
				related = append(related, i)
			} else {
				main = append(main, i)
			}
		}
		slices.SortFunc(main, func(a, b issue) int { return strings.Compare(a.String(), b.String()) })
		return main, related
	}
	check := func(t *testing.T, got []issue, want []string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("got %d issues, want %d:\n%v", len(got), len(want), got)
		}
		for i, w := range want {
			if got[i].FromLinter != "leakvet" || !strings.HasPrefix(strings.TrimPrefix(got[i].String(), fixture+"/"), w) {
				t.Errorf("issue %q, want %q... (leakvet)", got[i], w)
			}
		}
	}

	t.Run("run", func(t *testing.T) {
		start := time.Now()
		main, related := issues(t, fixture)
		t.Logf("golangci-lint run took %v", time.Since(start).Round(time.Millisecond))
		check(t, main, findings)
		// Each rangeclose finding has two related positions, which
		// golangci-lint reports as issues; //nolint:leakvet silences
		// the finding on its line, not them.
		if len(related) != 6 {
			t.Errorf("got %d related-information issues, want 6: %v", len(related), related)
		}
	})

	t.Run("disable", func(t *testing.T) {
		main, related := issues(t, fixture, "-c", "disable.golangci.yml")
		var want []string
		for _, f := range findings {
			if !strings.Contains(f, "ignoredirective") {
				want = append(want, f)
			}
		}
		check(t, main, want)
		if len(related) != 0 {
			t.Errorf("related information not excluded: %v", related)
		}
	})

	t.Run("sarif", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "leakvet.sarif")
		code, _, stderr := lint(t, fixture, "run", "--output.sarif.path="+out, "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1\n%s", code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := schematest.Validate(data); err != nil {
			t.Fatalf("invalid SARIF: %v\n%s", err, data)
		}
		for _, f := range findings {
			_, msg, _ := strings.Cut(f, ": ")
			_, msg, _ = strings.Cut(msg, ": ") // drop the analyzer
			if !bytes.Contains(data, []byte(msg)) {
				t.Errorf("SARIF lacks %q\n%s", msg, data)
			}
		}
	})

	t.Run("fix", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := lint(t, dir, "run", "--fix", "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1 (the findings without a fix remain)\n%s%s", code, stdout, stderr)
		}
		pool, err := os.ReadFile(filepath.Join(dir, "pool.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(pool, []byte("\t\tinput <- r\n\t}\n\tclose(input)\n")) {
			t.Errorf("--fix did not close input:\n%s", pool)
		}
		main, _ := issues(t, dir)
		check(t, main, findings[1:])
	})

	t.Run("bad settings", func(t *testing.T) {
		for cfg, want := range map[string]string{
			"badkey.golangci.yml":  `unknown field "disabel"`,
			"badname.golangci.yml": `enable: unknown analyzer "nosuch"`,
		} {
			code, stdout, stderr := lint(t, fixture, "run", "-c", cfg, "./...")
			if code != 3 || !strings.Contains(stderr, "plugin(leakvet)") || !strings.Contains(stderr, want) {
				t.Errorf("%s: exit code %d, want 3 and an error naming %s\nstdout:\n%s\nstderr:\n%s", cfg, code, want, stdout, stderr)
			}
		}
	})

	t.Run("config verify", func(t *testing.T) {
		if code, stdout, stderr := lint(t, fixture, "config", "verify"); code != 0 {
			t.Errorf("exit code %d\n%s%s", code, stdout, stderr)
		}
	})
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestXToolsInStep checks that leakvet requires the golang.org/x/tools
// that golangci-lint pins: under minimal version selection a newer one
// would be built into golangci-lint, whose own linters may then fail to
// compile.
func TestXToolsInStep(t *testing.T) {
	// go mod graph lists each module's requirements: "m@v dep@v".
	cmd := exec.Command("go", "mod", "graph")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod graph: %v", err)
	}
	pins := make(map[string]string) // module path -> x/tools version it requires
	for _, line := range strings.Split(string(out), "\n") {
		from, to, ok := strings.Cut(line, " ")
		if v, isTools := strings.CutPrefix(to, "golang.org/x/tools@"); ok && isTools {
			path, _, _ := strings.Cut(from, "@")
			pins[path] = v
		}
	}
	gcl, lv := pins["github.com/golangci/golangci-lint/v2"], pins["github.com/leakvet/leakvet"]
	if gcl == "" || lv == "" {
		t.Fatalf("x/tools requirements not found in go mod graph: %v", pins)
	}
	if gcl != lv {
		t.Errorf("golangci-lint requires golang.org/x/tools %s, leakvet %s: keep them equal", gcl, lv)
	}
	t.Logf("golang.org/x/tools %s in both", gcl)
}
