package lostsignal_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/internal/corpustest"

	"github.com/leakvet/leakvet/passes/lostsignal"
)

func testdata() string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		panic(err)
	}
	return dir
}

func Test(t *testing.T) {
	analysistest.Run(t, testdata(), lostsignal.Analyzer, "lostsignal/...")
	t.Run("newer Go", func(t *testing.T) { corpustest.SkipNewer(t, filepath.Join(testdata(), "src", "lostsignal")) })
}

// TestFix checks the suggested fixes against the .golden files next to
// the corpus files that get one.
func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(), lostsignal.Analyzer, "lostsignal/...")
}
