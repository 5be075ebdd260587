package analysisutil_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/analysisutil"
)

func TestRecover(t *testing.T) {
	pass := &analysis.Pass{
		Analyzer: &analysis.Analyzer{Name: "example"},
		Pkg:      types.NewPackage("example.com/p", "p"),
	}
	run := func() (_ any, err error) {
		current := ""
		defer analysisutil.Recover(pass, &current, &err)
		current = "example.com/p.F"
		var m map[string]int
		m["x"] = 1 // panics
		return nil, nil
	}
	_, err := run()
	if err == nil {
		t.Fatal("a panicking pass returned no error")
	}
	for _, want := range []string{"internal error in example", "example.com/p.F", "assignment to entry in nil map"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
