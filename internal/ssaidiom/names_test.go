package ssaidiom_test

import (
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const namesSrc = `package p

type T struct{}

func (*T) M() {}

func F() {}

func G[X any]() {}

func Calls() {
	G[int]()
	func() {}()
}
`

func TestFuncName(t *testing.T) {
	pkg := build(t, namesSrc)
	other := types.NewPackage("q", "q")
	for _, tc := range []struct {
		fn         string
		here, away string
	}{
		{"F", "F", "p.F"},
		{"T.M", "M", "p.T.M"},
		{"G", "G", "p.G"},
	} {
		obj := ssaidiom.Object(fn(t, pkg, tc.fn))
		if obj == nil {
			t.Fatalf("Object(%s) = nil", tc.fn)
		}
		if got := ssaidiom.FuncName(obj, pkg.Pkg); got != tc.here {
			t.Errorf("FuncName(%s, its package) = %q, want %q", tc.fn, got, tc.here)
		}
		if got := ssaidiom.FuncName(obj, other); got != tc.away {
			t.Errorf("FuncName(%s, another package) = %q, want %q", tc.fn, got, tc.away)
		}
		if got := ssaidiom.FuncName(obj, nil); got != tc.away {
			t.Errorf("FuncName(%s, nil) = %q, want %q", tc.fn, got, tc.away)
		}
	}

	// An instance of a generic function is named by its origin; a
	// function literal has no object.
	calls := find[*ssa.Call](fn(t, pkg, "Calls"))
	if len(calls) != 2 {
		t.Fatalf("found %d calls, want 2", len(calls))
	}
	inst := calls[0].Call.StaticCallee()
	if inst == nil || inst.Origin() == nil {
		t.Fatalf("G[int] is not an instance of G: %v", inst)
	}
	if got := ssaidiom.FuncName(ssaidiom.Object(inst), nil); got != "p.G" {
		t.Errorf("FuncName(G[int]) = %q, want p.G", got)
	}
	lit := calls[1].Call.StaticCallee()
	if obj := ssaidiom.Object(lit); obj != nil {
		t.Errorf("Object(function literal) = %v, want nil", obj)
	}
	if got := ssaidiom.FuncName(ssaidiom.Object(lit), pkg.Pkg); got != "a func literal" {
		t.Errorf("FuncName(function literal) = %q", got)
	}
	if got := ssaidiom.FuncNameOf(lit, pkg.Pkg); got != "the func literal in Calls" {
		t.Errorf("FuncNameOf(function literal) = %q, want %q", got, "the func literal in Calls")
	}
	if got := ssaidiom.FuncNameOf(inst, nil); got != "p.G" {
		t.Errorf("FuncNameOf(G[int]) = %q, want p.G", got)
	}
}

const allocSrc = `package p

type T struct{ n int }

func (t *T) Set() { t.n = 1 }

func Allocs(n int) {
	var v T
	v.Set()
	(&T{}).Set()
	new(T).Set()
	s := make([]int, n)
	l := []*int{&s[0]}
	f(l[0], l[0])
}

func f(xs ...*int) {}
`

// TestVarName pins the labels go/ssa gives allocations: a variable's
// name, or a word for what it allocates.
func TestVarName(t *testing.T) {
	f := fn(t, build(t, allocSrc), "Allocs")
	var names, labels []string
	for _, a := range find[*ssa.Alloc](f) {
		names = append(names, ssaidiom.VarName(a))
		labels = append(labels, a.Comment)
	}
	if want := []string{"v", "complit", "new", "slicelit", "varargs"}; !slices.Equal(labels, want) {
		t.Errorf("go/ssa labels the allocations %q, want %q:\n%s", labels, want, dump(f))
	}
	want := []string{"v", "", "", "", ""}
	if !slices.Equal(names, want) {
		t.Errorf("VarName of the allocations (labelled %q) = %q, want %q:\n%s", labels, names, want, dump(f))
	}
}
