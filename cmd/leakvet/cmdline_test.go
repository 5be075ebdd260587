package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestCommandLine runs the binary with the command lines a user may get
// wrong or expect more of: build flags, -V, flags that cannot go together,
// no packages, no go.mod, and the file names of findings and errors.
func TestCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)
	tags, seed := e.dir("tags"), e.dir("seed")
	tagged := filepath.Join(tags, "leak_mytag.go")
	sendLine := lineOf(t, tagged, "ch <- 42")

	// The leak of testdata/tags is in a file built only with -tags mytag.
	checkTagged := func(t *testing.T, r result, code int) {
		t.Helper()
		if r.code != code {
			t.Errorf("exit code %d, want %d\n%s", r.code, code, r)
		}
		diags := parseText(t, tags, strings.Join(slices.DeleteFunc(lines(r.stderr), isSourceLine), "\n"))
		if len(diags) != 1 || !sameFile(diags[0].file, tagged) || diags[0].line != sendLine {
			t.Errorf("want one finding, at %s:%d\n%s", tagged, sendLine, r)
		}
	}
	t.Run("tags/none", func(t *testing.T) {
		r := e.run(t, tags, e.bin, "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("want exit code 0 and no finding without the tag\n%s", r)
		}
	})
	t.Run("tags/plain", func(t *testing.T) {
		checkTagged(t, e.run(t, tags, e.bin, "-tags", "mytag", "./..."), 3)
	})
	t.Run("tags/context", func(t *testing.T) {
		// -c loads the packages in another way than a plain run.
		checkTagged(t, e.run(t, tags, e.bin, "-tags=mytag", "-c", "0", "./..."), 3)
	})
	t.Run("tags/json", func(t *testing.T) {
		r := e.run(t, tags, e.bin, "-json", "-tags=mytag", "./...")
		if r.code != 0 || !strings.Contains(r.stdout, "leak_mytag.go:"+itoa(sendLine)+":") {
			t.Errorf("want exit code 0 and the finding in the JSON\n%s", r)
		}
	})
	t.Run("tags/sarif", func(t *testing.T) {
		r := e.run(t, tags, e.bin, "-format=sarif", "-tags", "mytag", "./...")
		if r.code != 0 || !strings.Contains(r.stdout, `"startLine": `+itoa(sendLine)) {
			t.Errorf("want exit code 0 and the finding in the log\n%s", r)
		}
	})
	t.Run("tags/chdir", func(t *testing.T) {
		r := e.run(t, seed, e.bin, "-C", tags, "-tags", "mytag", "./...")
		checkTagged(t, r, 3)
		if !strings.HasPrefix(r.stderr, "leak_mytag.go:") {
			t.Errorf("want file names relative to the directory of -C\n%s", r)
		}
	})
	t.Run("tags/mod", func(t *testing.T) {
		// A bad -mod reaches the go command, which refuses it.
		r := e.run(t, tags, e.bin, "-mod=bogus", "./...")
		if r.code != 1 || !strings.Contains(r.stderr, "-mod=bogus not supported") {
			t.Errorf("want exit code 1 and the go command's error\n%s", r)
		}
	})

	t.Run("version", func(t *testing.T) {
		// The version and Go version are those of the binary's build
		// information, as go version -m reads it.
		m := e.run(t, seed, "go", "version", "-m", e.bin)
		mod := regexp.MustCompile(`(?m)^\tmod\tgithub.com/leakvet/leakvet\t(\S+)`).FindStringSubmatch(m.stdout)
		goVersion := regexp.MustCompile(`^.*: (go\S+)`).FindStringSubmatch(m.stdout)
		if m.code != 0 || mod == nil || goVersion == nil {
			t.Fatalf("go version -m: unexpected output\n%s", m)
		}
		version := mod[1]
		if version == "(devel)" {
			version = "devel"
		}
		want := fmt.Sprintf("leakvet version %s %s %s/%s\n", version, goVersion[1], runtime.GOOS, runtime.GOARCH)
		r := e.run(t, seed, e.bin, "-V")
		if r.code != 0 || r.stdout != want || r.stderr != "" {
			t.Errorf("want exit code 0 and %q\n%s", want, r)
		}

		// -V=full ends with the hash of the binary: go vet takes the last
		// word as the tool's identity when the version says devel, and
		// the whole line otherwise.
		full := e.run(t, seed, e.bin, "-V=full")
		data, err := os.ReadFile(e.bin)
		if err != nil {
			t.Fatal(err)
		}
		wantFull := fmt.Sprintf("%s buildID=%x\n", strings.TrimSuffix(want, "\n"), sha256.Sum256(data))
		if full.code != 0 || full.stdout != wantFull {
			t.Errorf("want exit code 0 and %q\n%s", wantFull, full)
		}
	})

	t.Run("version/vet cache", func(t *testing.T) {
		// go vet runs the tool again when, and only when, the binary
		// changes: run it twice, then with a copy that differs by a
		// byte. go vet -x prints each command it runs.
		dir := filepath.Join(t.TempDir(), "seed")
		copyDir(t, seed, dir)
		bin2 := filepath.Join(t.TempDir(), filepath.Base(e.bin))
		data, err := os.ReadFile(e.bin)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin2, append(data, 0), 0o755); err != nil {
			t.Fatal(err)
		}
		ran := func(bin string) bool {
			r := e.run(t, dir, "go", "vet", "-x", "-vettool="+bin, "./...")
			if r.code != 1 || !strings.Contains(r.stderr, "range over channel input never ends") {
				t.Fatalf("want exit code 1 and the finding\n%s", r)
			}
			return strings.Contains(r.stderr, "vet.cfg")
		}
		// The first run may find the results of an earlier test in the
		// cache; the second must.
		ran(e.bin)
		if ran(e.bin) {
			t.Errorf("go vet ran the tool again on unchanged sources")
		}
		if !ran(bin2) {
			t.Errorf("go vet did not run a changed binary: its -V=full did not change")
		}
	})

	// File names: relative to the current directory, as go vet prints
	// them, for findings and errors alike.
	t.Run("paths/findings", func(t *testing.T) {
		vet := e.run(t, seed, "go", "vet", "-vettool="+e.bin, "./...")
		plain := e.run(t, seed, e.bin, "./...")
		inProcess := e.run(t, seed, e.bin, "-c", "0", "./...")
		want := withoutHeaders(vet.stderr)
		if len(want) == 0 || !strings.HasPrefix(want[0], "main.go:") {
			t.Fatalf("go vet printed no relative file name\n%s", vet)
		}
		if got := withoutHeaders(plain.stderr); !slices.Equal(got, want) {
			t.Errorf("standalone output differs from go vet's\n%s\n%s", plain, vet)
		}
		for _, l := range lines(inProcess.stderr) {
			if strings.Contains(l, seed) {
				t.Errorf("-c prints an absolute file name: %q\n%s", l, inProcess)
			}
		}
	})
	t.Run("paths/errors", func(t *testing.T) {
		typeerror := e.dir("typeerror")
		for _, args := range [][]string{{"./..."}, {"-c", "0", "./..."}} {
			r := e.run(t, typeerror, e.bin, args...)
			if r.code != 1 || len(lines(r.stderr)) != 1 || strings.Contains(r.stderr, typeerror) || !strings.Contains(r.stderr, "main.go:6:14: cannot use") {
				t.Errorf("want exit code 1 and one error with a relative file name\n%s", r)
			}
		}
	})

	t.Run("no go.mod", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte("package x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := e.run(t, dir, "go", "env", "GOMOD"); strings.TrimSpace(r.stdout) != os.DevNull && strings.TrimSpace(r.stdout) != "" {
			t.Skipf("%s is inside a module: %s", dir, r.stdout)
		}
		vet := e.run(t, dir, "go", "vet", "-vettool="+e.bin, ".")
		for _, args := range [][]string{{"."}, {"-c", "1", "."}, {"-format=sarif", "."}} {
			r := e.run(t, dir, e.bin, args...)
			if r.code != 1 || len(lines(r.stderr)) != 1 || r.stderr != vet.stderr {
				t.Errorf("want exit code 1 and go vet's one line\n%s\n%s", r, vet)
			}
		}
	})

	// Bad command lines: exit code 2, one line that names the problem,
	// nothing on stdout.
	for _, tc := range []struct {
		name    string
		args    []string
		mention []string
	}{
		{"no arguments", nil, []string{"no packages"}},
		{"only flags", []string{"-json"}, []string{"no packages"}},
		{"sarif with -c", []string{"-format=sarif", "-c", "2", "./..."}, []string{"-c", "-format=sarif", "cannot"}},
		{"-c with sarif", []string{"-c", "2", "-format=sarif", "./..."}, []string{"-c", "-format=sarif", "cannot"}},
		{"sarif with -json", []string{"-json", "-format=sarif", "./..."}, []string{"-json", "cannot"}},
		{"sarif with -fix", []string{"-format", "sarif", "-fix", "./..."}, []string{"-fix", "cannot"}},
		{"flag after the packages", []string{"./...", "-json"}, []string{"-json", "after the packages"}},
		{"not a build flag of go vet", []string{"-cover", "./..."}, []string{"not defined: -cover"}},
		{"bad build flag value", []string{"-race=maybe", "./..."}, []string{`"maybe"`, "-race"}},
		{"bad -V", []string{"-V=short"}, []string{`"short"`, "-V"}},
	} {
		t.Run("bad command line/"+tc.name, func(t *testing.T) {
			r := e.run(t, seed, e.bin, tc.args...)
			if r.code != 2 || r.stdout != "" || len(lines(r.stderr)) != 1 {
				t.Errorf("want exit code 2, one line on stderr and nothing on stdout\n%s", r)
			}
			for _, m := range tc.mention {
				if !strings.Contains(r.stderr, m) {
					t.Errorf("stderr does not mention %s\n%s", m, r)
				}
			}
			if strings.Contains(r.stderr, "not defined") && !strings.Contains(tc.name, "not a") {
				t.Errorf("the error blames an undefined flag\n%s", r)
			}
		})
	}

	t.Run("flags", func(t *testing.T) {
		// go vet asks the tool for its flags with -flags.
		r := e.run(t, seed, e.bin, "-flags")
		var flags []struct{ Name string }
		if err := json.Unmarshal([]byte(r.stdout), &flags); r.code != 0 || err != nil || len(flags) == 0 {
			t.Errorf("want exit code 0 and the flags as JSON (%v)\n%s", err, r)
		}
	})
}

// isSourceLine reports whether l is a line of source that -c prints after
// a finding: "line<tab>text".
func isSourceLine(l string) bool {
	n, _, ok := strings.Cut(l, "\t")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// withoutHeaders returns the lines of go vet's or leakvet's stderr without
// go vet's "# package" headers.
func withoutHeaders(s string) []string {
	var out []string
	for _, l := range lines(s) {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// copyDir copies the regular files of directory src to a new directory dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}
