package ignoredirective_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	// The suite records the names a directive may use.
	_ "github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/passes/ignoredirective"
)

func Test(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ignoredirective.Analyzer, "ignoredirective/...")
}
