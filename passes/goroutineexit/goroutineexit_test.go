package goroutineexit_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/internal/corpustest"

	"github.com/leakvet/leakvet/passes/goroutineexit"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Test checks every case of the corpus, and the suggested fixes against
// the .golden files beside them.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), goroutineexit.Analyzer, "goroutineexit/...")
	t.Run("newer Go", func(t *testing.T) { corpustest.SkipNewer(t, filepath.Join(testdata(t), "src", "goroutineexit")) })
}
