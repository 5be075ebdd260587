package corpustest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/leakvet/leakvet/internal/corpustest"
)

// TestNeedNewerGo: a file constrained to a release far in the future is
// listed, one for an old release or another tag is not.
func TestNeedNewerGo(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"future.go": "//go:build go1.999\n\npackage p\n",
		"old.go":    "//go:build go1.21\n\npackage p\n",
		"linux.go":  "//go:build linux || darwin\n\npackage p\n",
		"plain.go":  "// Package p.\npackage p\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := corpustest.NeedNewerGo(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"future.go"}; !slices.Equal(got, want) {
		t.Errorf("NeedNewerGo = %q, want %q", got, want)
	}
}
