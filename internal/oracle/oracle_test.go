package oracle_test

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/internal/oracle"
)

func TestMain(m *testing.M) {
	// The oracle runs cases in child processes; it must not leave
	// goroutines of its own behind either.
	goleak.VerifyTestMain(m)
}

// TestOracle runs every case of every analyzer's corpus and fails where the
// analyzer and the runtime disagree about a leak. See the package
// documentation for the conventions the corpus follows.
func TestOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("the oracle builds and runs every corpus case; skipped in -short mode")
	}
	requireGo(t)
	root, err := oracle.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, a := range analyzers.Suite {
		t.Run(a.Name, func(t *testing.T) {
			t.Parallel()
			checkCorpus(t, root, a.Name, filepath.Join(root, "testdata", "src", a.Name), sem)
		})
	}
}

// checkCorpus checks the corpus of one analyzer, running at most cap(sem)
// cases at a time.
func checkCorpus(t *testing.T, root, name, dir string, sem chan struct{}) {
	cases, err := oracle.ParseDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("analyzer %s has no corpus: %v", name, err)
	}
	if err != nil {
		t.Errorf("corpus %s:\n%v", name, err)
	}
	newer, err := oracle.NewerGoCases(dir)
	if err != nil {
		t.Error(err)
	}
	for name, line := range newer {
		t.Run(name, func(t *testing.T) {
			t.Skipf("%s: this toolchain is %s, the case runs on a newer Go", line, runtime.Version())
		})
	}
	if len(cases) == 0 {
		if err == nil {
			t.Skipf("corpus %s has no cases yet", dir)
		}
		return
	}

	bin, err := oracle.Build(t.Context(), oracle.BuildConfig{ModuleRoot: root, WorkDir: t.TempDir()}, name, dir, cases)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Func == "" && c.Skip == "" {
			continue // malformed; reported above
		}
		t.Run(c.Name(), func(t *testing.T) {
			if c.Skip != "" {
				t.Skipf("//oracle:skip %s", c.Skip)
			}
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()

			rep, err := bin.Run(t.Context(), c, oracle.DefaultRunConfig)
			if err != nil {
				t.Fatal(err)
			}
			j := oracle.Judge(c, rep)
			for _, n := range j.Notes {
				t.Logf("%s: note: %s", c.Path, n)
			}
			if j.Mismatch != "" {
				t.Error(oracle.Explain(c, rep, j))
				return
			}
			t.Logf("analyzer: %s; runtime: %s", j.Analyzer, j.Runtime)
		})
	}
}

// TestFixes runs, for every case whose suggested fixes are recorded in a
// golden file, the program as the fixes leave it, and requires that it no
// longer leaks and leaves nothing behind: a fix must really mend the leak
// it is offered for. A leaked goroutine blocked on a finding's line is
// named as such in the failure.
func TestFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs every fixed case; skipped in -short mode")
	}
	requireGo(t)
	root, err := oracle.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	fixed := 0
	for _, a := range analyzers.Suite {
		dir := filepath.Join(root, "testdata", "src", a.Name)
		cases, err := oracle.ParseDir(dir)
		if err != nil {
			// A file that does not parse must not hide the fixes of
			// the corpus' other cases: check those, and fail.
			t.Errorf("corpus %s:\n%v", a.Name, err)
		}
		var withFix []*oracle.Case
		for _, c := range cases {
			if _, err := os.Stat(c.Path + ".golden"); err == nil && c.Func != "" {
				withFix = append(withFix, c)
			}
		}
		if len(withFix) == 0 {
			continue
		}
		fixed += len(withFix)
		t.Run(a.Name, func(t *testing.T) {
			bin, err := oracle.Build(t.Context(), oracle.BuildConfig{ModuleRoot: root, WorkDir: t.TempDir(), Fixed: true}, a.Name, dir, cases)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range withFix {
				t.Run(c.Name(), func(t *testing.T) {
					t.Parallel()
					rep, err := bin.Run(t.Context(), c, oracle.DefaultRunConfig)
					if err != nil {
						t.Fatal(err)
					}
					wants, err := wantLines(c.Path + ".golden")
					if err != nil {
						t.Fatal(err)
					}
					for _, stack := range rep.LeakedStacks {
						file, line := topFrame(stack)
						where := "elsewhere"
						if file == c.Name() && wants[line] {
							where = "at the finding"
						}
						t.Errorf("%s.golden: the fixed program still leaks %s, %s:%d:\n%s", c.Path, where, file, line, stack)
					}
					if v := oracle.RuntimeVerdict(rep); v != oracle.RuntimeNoLeak && len(rep.LeakedStacks) == 0 {
						t.Errorf("%s.golden: the fixed program %s:\n%s", c.Path, v, rep.LingeringStacks)
					}
				})
			}
		})
	}
	if fixed == 0 {
		t.Fatal("no case has a golden file: the fixes are not checked at all")
	}
}

// wantLines returns the lines of a file that carry a // want comment.
func wantLines(path string) (map[int]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := map[int]bool{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "// want ") {
			lines[i+1] = true
		}
	}
	return lines, nil
}

// topFrame returns the base name of the file and the line of the innermost
// frame of a goroutine traceback.
func topFrame(stack string) (string, int) {
	for _, l := range strings.Split(stack, "\n") {
		l = strings.TrimSpace(l)
		i := strings.LastIndex(l, ".go:")
		if !strings.HasPrefix(l, "goroutine ") && i > 0 {
			n, _ := strconv.Atoi(strings.Fields(l[i+4:] + " ")[0])
			return filepath.Base(l[:i+3]), n
		}
	}
	return "", 0
}

func requireGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("the go command is needed to build the corpus: %v", err)
	}
}
