package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFix runs -fix and -fix -diff on copies of the seed (one finding,
// with a fix) and of suppress (three findings, none with a fix), and -diff
// alone.
func TestFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)

	t.Run("fixed", func(t *testing.T) {
		dir := copyModule(t, e.dir("seed"))
		r := e.run(t, dir, e.bin, "-fix", "./...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit code 0 and no output\n%s", r)
		}
		if src := readFile(t, filepath.Join(dir, "main.go")); !strings.Contains(src, "\n\tclose(input)\n") {
			t.Errorf("main.go does not close input:\n%s", src)
		}
		if r := e.run(t, dir, e.bin, "./..."); r.code != 0 {
			t.Errorf("after -fix: want no finding\n%s", r)
		}
	})

	t.Run("not fixed", func(t *testing.T) {
		dir := copyModule(t, e.dir("suppress"))
		before := readFile(t, filepath.Join(dir, "leaks.go"))
		r := e.run(t, dir, e.bin, "-fix", "./...")
		if r.code != 3 || !strings.Contains(r.stderr, "leakvet: 3 findings were not fixed\n") {
			t.Errorf("want exit code 3 and the count of findings not fixed\n%s", r)
		}
		if n := len(parseText(t, dir, strings.TrimSuffix(r.stderr, "leakvet: 3 findings were not fixed\n"))); n != 3 {
			t.Errorf("%d findings listed, want 3\n%s", n, r)
		}
		if after := readFile(t, filepath.Join(dir, "leaks.go")); after != before {
			t.Errorf("leaks.go changed:\n%s", after)
		}
	})

	t.Run("diff", func(t *testing.T) {
		dir := copyModule(t, e.dir("seed"))
		before := readFile(t, filepath.Join(dir, "main.go"))
		r := e.run(t, dir, e.bin, "-fix", "-diff", "./...")
		if r.code != 3 || r.stderr != "" || !strings.Contains(r.stdout, "\n+\tclose(input)\n") {
			t.Errorf("want exit code 3 and the fix as a diff on stdout\n%s", r)
		}
		if after := readFile(t, filepath.Join(dir, "main.go")); after != before {
			t.Errorf("main.go changed:\n%s", after)
		}
	})

	t.Run("diff without fix", func(t *testing.T) {
		r := e.run(t, e.dir("seed"), e.bin, "-diff", "./...")
		if r.code != 2 || r.stdout != "" || len(lines(r.stderr)) != 1 || !strings.Contains(r.stderr, "-diff requires -fix") {
			t.Errorf("want exit code 2 and one line saying -diff requires -fix\n%s", r)
		}
	})
}

// copyModule copies the files of the module in dir to a new directory.
func copyModule(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, ent := range entries {
		data, err := os.ReadFile(filepath.Join(dir, ent.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, ent.Name()), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestViaVetMatchesInProcess checks that -c and -format=sarif, served by
// go vet, print what the in-process checker prints, in position order.
func TestViaVetMatchesInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)
	inProcess := *e
	inProcess.environ = append(slices.Clip(e.environ), "LEAKVET_INPROCESS=1")
	supp := e.dir("suppress")
	for _, args := range [][]string{{"-c", "1", "./..."}, {"-format=sarif", "./..."}} {
		got := e.run(t, supp, e.bin, args...)
		want := inProcess.run(t, supp, e.bin, args...)
		if got.code != want.code || got.stdout == "" && got.stderr == "" {
			t.Errorf("exit code %d, in process %d\n%s\n%s", got.code, want.code, got, want)
		}
		// The in-process checker orders by analyzer; go vet's output by
		// position: compare the findings as sets of lines.
		gl, wl := lines(got.stdout+got.stderr), lines(want.stdout+want.stderr)
		slices.Sort(gl)
		slices.Sort(wl)
		if !slices.Equal(gl, wl) {
			t.Errorf("%v: output differs from the in-process checker's\n%s\n%s", args, got, want)
		}
	}
}
