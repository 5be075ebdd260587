package chanflow_test

import (
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/passes/chanflow"
)

func TestFacts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, chanflow.Analyzer, "chanflow/...")
}

// TestResultReadOnly reads the Result of chanflow from several goroutines
// at once, as the passes that require it do; run with -race, it fails if
// reading the Result writes to it unguarded.
func TestResultReadOnly(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, testdata, chanflow.Analyzer, "chanflow/user", "chanflow/nochan")
	for _, r := range results {
		res := r.Result.(*chanflow.Result)
		ssas := make([]*ssa.Package, 8)
		var wg sync.WaitGroup
		for i := range ssas {
			wg.Go(func() {
				in := res.SSA()
				ssas[i] = in.Pkg
				for _, fn := range in.SrcFuncs {
					res.GoSites(fn)
					for j := range fn.Params {
						res.LocalUse(fn, j)
					}
				}
			})
		}
		wg.Wait()
		for _, p := range ssas[1:] {
			if p != ssas[0] {
				t.Fatalf("%s: SSA built more than once", r.Pass.Pkg.Path())
			}
		}
		if r.Pass.Pkg.Name() != "user" {
			continue
		}
		// What user.Wrap does with its channel, and what the function of
		// package facts it calls does, are known after run.
		wrap := ssas[0].Func("Wrap")
		if u := res.LocalUse(wrap, 0); u != chanflow.Closes {
			t.Errorf("LocalUse(Wrap, 0) = %v, want closes", u)
		}
		var callee *ssa.Function
		for _, b := range wrap.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					callee = call.Call.StaticCallee()
				}
			}
		}
		if u := res.ForeignUse(callee, 0); u != chanflow.Closes {
			t.Errorf("ForeignUse(%v, 0) = %v, want closes", callee, u)
		}
	}
}
