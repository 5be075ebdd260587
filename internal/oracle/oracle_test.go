package oracle_test

import (
	"errors"
	"io/fs"
	"os/exec"
	"path/filepath"
	"runtime"
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

func requireGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("the go command is needed to build the corpus: %v", err)
	}
}
