package ssaidiom_test

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const pathsSrc = `package p

func Recv(ch chan int, c bool) {
	if c {
		<-ch
		return
	}
	<-ch
	<-ch
}

func Forever(ch chan int) {
	for {
		<-ch
	}
}
`

func receives(f *ssa.Function) []*ssa.UnOp {
	var recvs []*ssa.UnOp
	for _, u := range find[*ssa.UnOp](f) {
		if u.Op == token.ARROW {
			recvs = append(recvs, u)
		}
	}
	return recvs
}

// TestCheapestExit counts receives on the paths from a function's entry
// to its returns: the cheapest path takes the branch with one.
func TestCheapestExit(t *testing.T) {
	pkg := build(t, pathsSrc)
	f := fn(t, pkg, "Recv")
	w := ssaidiom.NewWeights()
	recvs := receives(f)
	if len(recvs) != 3 {
		t.Fatalf("found %d receives, want 3:\n%s", len(recvs), dump(f))
	}
	for _, r := range recvs {
		w.Add(r, 1)
	}
	start := f.Blocks[0].Instrs[0]
	p := ssaidiom.CheapestExit(start, w.After(start), w.Edge, nil)
	if p == nil {
		t.Fatalf("no path to a return:\n%s", dump(f))
	}
	if p.Cost != 1 || p.Blocks[0] != f.Blocks[0] || p.Blocks[len(p.Blocks)-1] != p.Ret.Block() || p.Ret.Block() != recvs[0].Block() {
		t.Errorf("cheapest path costs %d through %v to %v, want 1 through the block of the first receive:\n%s", p.Cost, p.Blocks, p.Ret, dump(f))
	}
	// From the second receive of the other branch, one more is counted in
	// its own block.
	second := recvs[1]
	if recvs[1].Block() != recvs[2].Block() {
		t.Fatalf("the two receives of the fall-through path are in different blocks:\n%s", dump(f))
	}
	if got := w.After(second); got != 1 {
		t.Errorf("After(second receive) = %d, want 1", got)
	}
	if got := ssaidiom.InstrsAfter(second); len(got) == 0 || got[len(got)-1] != second.Block().Instrs[len(second.Block().Instrs)-1] {
		t.Errorf("InstrsAfter(second receive) = %v", got)
	}

	if !ssaidiom.DominatesReturns(f.Blocks[0]) || ssaidiom.DominatesReturns(recvs[0].Block()) || ssaidiom.DominatesReturns(recvs[1].Block()) {
		t.Errorf("DominatesReturns: want only the entry block to dominate both returns:\n%s", dump(f))
	}
	if i := ssaidiom.IndexOf(second); i < 0 || second.Block().Instrs[i] != second {
		t.Errorf("IndexOf(second receive) = %d", i)
	}

	g := fn(t, pkg, "Forever")
	if p := ssaidiom.CheapestExit(g.Blocks[0].Instrs[0], 0, w.Edge, nil); p != nil {
		t.Errorf("a loop with no way out has a path to a return: %v", p.Blocks)
	}
}

// TestMayRunAfter: a go statement in a loop does not dominate the
// statement after the loop (RunsBefore), but may run before it; and
// nothing runs before the function's first statement.
func TestMayRunAfter(t *testing.T) {
	pkg := build(t, `package p

func Spawn(n int, ch chan int) {
	for range n {
		go func() { ch <- 1 }()
	}
	<-ch
}
`)
	f := fn(t, pkg, "Spawn")
	g, recv := find[*ssa.Go](f)[0], receives(f)[0]
	if ssaidiom.RunsBefore(g, recv) {
		t.Error("RunsBefore(go in loop, receive after it) = true, want false")
	}
	if !ssaidiom.MayRunAfter(g, recv) {
		t.Error("MayRunAfter(go in loop, receive after it) = false, want true")
	}
	if ssaidiom.MayRunAfter(recv, g) {
		t.Error("MayRunAfter(receive, go before it) = true, want false")
	}
}
