package rangeclose_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/passes/rangeclose"
)

func testdata() string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		panic(err)
	}
	return dir
}

func Test(t *testing.T) {
	analysistest.Run(t, testdata(), rangeclose.Analyzer, "rangeclose/...")
}
