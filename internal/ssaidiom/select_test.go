package ssaidiom_test

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const selectSrc = `package p

func Cases(a, b chan int) int {
	select {
	case v := <-a:
		return v
	case b <- 1:
		return 2
	default:
		return 3
	}
}

func Blocking(a, b chan int) int {
	select {
	case <-a:
		return 1
	case b <- 1:
		return 2
	}
}

func Empty(a, b chan int) {
	select {
	case <-a:
	case <-b:
	}
	println()
}

func One(a chan int) int {
	select {
	case v := <-a:
		return v
	}
}
`

// TestSelectCases pins go/ssa's lowering of a select: one If per case,
// "idx == i", in the order of the cases, the default case last.
func TestSelectCases(t *testing.T) {
	pkg := build(t, selectSrc)
	f := fn(t, pkg, "Cases")
	sel := only[*ssa.Select](t, f)
	cases := ssaidiom.SelectCases(sel)
	if len(cases) != 3 {
		t.Fatalf("SelectCases found %d cases, want 3 (two and the default):\n%s", len(cases), dump(f))
	}
	for i, want := range []struct {
		index int
		ret   string // what the body returns, "" for the received value
	}{{0, ""}, {1, "2"}, {-1, "3"}} {
		c := cases[i]
		if c.Index != want.index {
			t.Errorf("case %d has index %d, want %d", i, c.Index, want.index)
		}
		if got := returned(c.Body); got != want.ret {
			t.Errorf("the body of case %d returns %q, want %q:\n%s", c.Index, got, want.ret, dump(f))
		}
		from, to := c.Edge()
		if from != c.If.Block() || to != c.Body || (c.Index >= 0 && from.Succs[0] != to) || (c.Index < 0 && from.Succs[1] != to) {
			t.Errorf("case %d: edge %v->%v does not leave its If the expected way", c.Index, from, to)
		}
		if got, ok := ssaidiom.SelectCase(sel, c.Index); !ok || got != c {
			t.Errorf("SelectCase(sel, %d) = %v, %v; want %v", c.Index, got, ok, c)
		}
	}
	// The received value is extracted in the case's body.
	if ext, ok := cases[0].Body.Instrs[0].(*ssa.Extract); !ok || ext.Tuple != sel {
		t.Errorf("the body of the receive case does not start by extracting the value:\n%s", dump(f))
	}
	bodies := ssaidiom.CaseBodies(sel)
	for _, c := range cases {
		if bodies[c.Body] != c.Index {
			t.Errorf("CaseBodies maps the body of case %d to %d", c.Index, bodies[c.Body])
		}
	}
}

// TestSelectBlocking: without a default, the last If's else branch panics
// ("blocking select matched no case"), and no case is -1.
func TestSelectBlocking(t *testing.T) {
	f := fn(t, build(t, selectSrc), "Blocking")
	sel := only[*ssa.Select](t, f)
	if !sel.Blocking {
		t.Fatal("a select without default is not Blocking")
	}
	cases := ssaidiom.SelectCases(sel)
	if len(cases) != 2 || cases[0].Index != 0 || cases[1].Index != 1 {
		t.Fatalf("SelectCases = %v, want cases 0 and 1:\n%s", cases, dump(f))
	}
	if _, ok := ssaidiom.SelectCase(sel, -1); ok {
		t.Error("a blocking select has a default case")
	}
	last := cases[1].If.Block().Succs[1]
	if _, ok := last.Instrs[len(last.Instrs)-1].(*ssa.Panic); !ok {
		t.Errorf("the block after the last case test does not panic:\n%s", dump(f))
	}
}

// TestSelectEmptyBodies: go/ssa gives an empty case body no block of its
// own; both edges lead to the block after the select. CaseBodies then
// maps that block to the last case, and Weights.AddCase counts each case on
// its own edge into the shared block.
func TestSelectEmptyBodies(t *testing.T) {
	f := fn(t, build(t, selectSrc), "Empty")
	sel := only[*ssa.Select](t, f)
	cases := ssaidiom.SelectCases(sel)
	if len(cases) != 2 {
		t.Fatalf("SelectCases = %v, want 2 cases:\n%s", cases, dump(f))
	}
	if cases[0].Body != cases[1].Body {
		t.Errorf("empty case bodies now have blocks of their own (%v, %v): CaseBodies and Weights.AddCase can count them apart:\n%s",
			cases[0].Body, cases[1].Body, dump(f))
	}
	if got := ssaidiom.CaseBodies(sel)[cases[0].Body]; got != 1 {
		t.Errorf("CaseBodies maps the shared block to case %d, want the last, 1", got)
	}
	w := ssaidiom.NewWeights()
	if !w.AddCase(sel, 0, 1) {
		t.Fatal("Weights.AddCase did not count case 0, whose body is shared")
	}
	from0, to := cases[0].Edge()
	from1, _ := cases[1].Edge()
	if from0 == from1 {
		t.Fatalf("the two cases branch from the same block:\n%s", dump(f))
	}
	if w.Edge(from0, to) != 1 || w.Edge(from1, to) != 0 || w.Block(to) != 0 {
		t.Errorf("Weights counts case 0 as %d on its edge, %d on case 1's and %d on the shared block; want 1, 0, 0",
			w.Edge(from0, to), w.Edge(from1, to), w.Block(to))
	}
}

// TestSelectOneCase: a select of one case and no default is lowered to the
// plain operation, with no *ssa.Select.
func TestSelectOneCase(t *testing.T) {
	f := fn(t, build(t, selectSrc), "One")
	if sels := find[*ssa.Select](f); len(sels) != 0 {
		t.Errorf("a select of one case is a *ssa.Select:\n%s", dump(f))
	}
	recv := only[*ssa.UnOp](t, f)
	if recv.Op != token.ARROW {
		t.Errorf("a select of one case is not lowered to a receive:\n%s", dump(f))
	}
}

const okSrc = `package p

func Range(ch chan int) (n int) {
	for v := range ch {
		n += v
	}
	return n
}

func Break(ch chan int) (n int) {
	for {
		v, ok := <-ch
		if !ok {
			break
		}
		n += v
	}
	return n
}

func If(ch chan int) int {
	if v, ok := <-ch; ok {
		return v
	}
	return -1
}

func Unused(ch chan int) int {
	v, _ := <-ch
	return v
}
`

// TestOkBranch pins the lowering of comma-ok receives: "range ch" and
// "v, ok := <-ch" both give a receive with CommaOk set whose ok (result 1)
// decides a branch, directly or through a "!".
func TestOkBranch(t *testing.T) {
	pkg := build(t, okSrc)
	for _, name := range []string{"Range", "Break", "If"} {
		f := fn(t, pkg, name)
		recv := only[*ssa.UnOp](t, f) // the loads of n are lifted away
		if recv.Op != token.ARROW || !recv.CommaOk {
			t.Errorf("%s: the receive is not a comma-ok receive:\n%s", name, dump(f))
			continue
		}
		branch, notOk := ssaidiom.OkBranch(recv)
		if branch == nil {
			t.Errorf("%s: OkBranch found no branch on ok:\n%s", name, dump(f))
			continue
		}
		iff := branch.Instrs[len(branch.Instrs)-1].(*ssa.If)
		ok := branch.Succs[0]
		if notOk == ok {
			ok = branch.Succs[1]
		}
		switch name {
		case "Range", "Break":
			// Leaving the loop is the only way on when ok is false.
			loop := ssaidiom.Cycle(recv.Block())
			if loop == nil || loop[notOk] || !loop[ok] {
				t.Errorf("%s: the not-ok branch %v (of %v) does not leave the loop:\n%s", name, notOk, iff, dump(f))
			}
		case "If":
			if returned(notOk) != "-1" {
				t.Errorf("%s: the not-ok branch %v does not return -1:\n%s", name, notOk, dump(f))
			}
		}
	}
	f := fn(t, pkg, "Unused")
	if branch, _ := ssaidiom.OkBranch(only[*ssa.UnOp](t, f)); branch != nil {
		t.Errorf("Unused: OkBranch found a branch on an unused ok:\n%s", dump(f))
	}
}
