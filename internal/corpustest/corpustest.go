// Package corpustest holds what the tests of leakvet's passes share about
// the corpus in testdata/src.
//
// Some corpus cases need a newer Go than the one running the tests (a
// "//go:build go1.27" line, for generic methods): go/packages, and so
// analysistest, leave such files out without a word. SkipNewer makes that
// visible as a skipped test that lists them.
package corpustest

import (
	"bufio"
	"go/build"
	"go/build/constraint"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// NeedNewerGo returns the Go files below dir whose build constraint the
// running toolchain does not satisfy because of a Go release tag (go1.N)
// it lacks; other tags are taken as satisfied.
func NeedNewerGo(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		expr, err := buildConstraint(path)
		if err != nil || expr == nil {
			return err
		}
		if !expr.Eval(releaseTagOK) {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files, err
}

// releaseTagOK reports whether tag holds for the running toolchain, as
// far as release tags go.
func releaseTagOK(tag string) bool {
	if strings.HasPrefix(tag, "go1.") {
		return slices.Contains(build.Default.ReleaseTags, tag)
	}
	return true
}

// buildConstraint returns the //go:build constraint of the Go file at
// path, or nil.
func buildConstraint(path string) (constraint.Expr, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case constraint.IsGoBuild(line):
			return constraint.Parse(line)
		case line == "" || strings.HasPrefix(line, "//"):
			continue
		}
		break // the constraint must precede the package clause
	}
	return nil, sc.Err()
}

// SkipNewer skips t, listing the files below dir that need a newer Go
// than the running one, or does nothing when there are none.
func SkipNewer(t *testing.T, dir string) {
	t.Helper()
	files, err := NeedNewerGo(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) > 0 {
		t.Skipf("%d corpus files need a newer Go than %s and were left out; run the tests with it (GOTOOLCHAIN) to check them: %s",
			len(files), build.Default.ReleaseTags[len(build.Default.ReleaseTags)-1], strings.Join(files, ", "))
	}
}
