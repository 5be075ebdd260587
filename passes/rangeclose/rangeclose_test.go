package rangeclose_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/internal/corpustest"

	"github.com/leakvet/leakvet/passes/rangeclose"
)

func testdata() string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		panic(err)
	}
	return dir
}

// Test checks every case of the corpus, and the suggested fixes against
// the .golden files beside them.
func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(), rangeclose.Analyzer, "rangeclose/...")
	t.Run("newer Go", func(t *testing.T) { corpustest.SkipNewer(t, filepath.Join(testdata(), "src", "rangeclose")) })
}
