package goroutineexit

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// A sendLoop is a loop around the one send of a goroutine, guarded by
// "i < n": the goroutine sends at most once per iteration.
type sendLoop struct {
	// trip is the number of iterations when n is a constant (or len of an
	// array), and -1 when it is only known at run time (len(xs) of a
	// slice, a variable), or when an outer loop runs the loop again.
	trip int
}

// sendLoopOf returns the counted loop around send, the only send of its
// goroutine's body, or nil when the send is in no such loop: a loop with
// no guard (a pipeline stage that loops until its input is closed sends as
// often as it is fed, which this count does not know), or a loop nested in
// the counted one.
func sendLoopOf(send ssa.Instruction) *sendLoop {
	if _, ok := send.(*ssa.Send); !ok {
		return nil
	}
	b := send.Block()
	for d := b; d != nil; d = d.Idom() {
		n, guard := countedGuard(d)
		if guard == nil {
			continue
		}
		if ssaidiom.InLoopAvoiding(b, guard) {
			return nil // an inner loop sends several values per iteration
		}
		l := &sendLoop{trip: -1}
		if k, ok := tripCount(n); ok && !reentered(guard) {
			l.trip = k
		}
		return l
	}
	return nil
}

// countedGuard returns n and the guard block when d is entered only from
// the true branch of "i < n", which is how go/ssa lowers a range over a
// slice, an array, a string or an integer, and how a counted loop is
// written; and nils otherwise.
func countedGuard(d *ssa.BasicBlock) (ssa.Value, *ssa.BasicBlock) {
	if len(d.Preds) != 1 {
		return nil, nil
	}
	guard := d.Preds[0]
	iff, ok := guard.Instrs[len(guard.Instrs)-1].(*ssa.If)
	if !ok || guard.Succs[0] != d {
		return nil, nil
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS || !inductionOf(cmp.X, guard) {
		return nil, nil
	}
	loop := ssaidiom.Cycle(guard)
	if loop == nil || !loop[d] || loop[guard.Succs[1]] {
		return nil, nil // not the test that heads a loop and leaves it
	}
	return cmp.Y, guard
}

// inductionOf reports whether i is the counter of the loop headed by
// guard: a phi there, or a phi there plus something (go/ssa's range over a
// slice increments before the test).
func inductionOf(i ssa.Value, guard *ssa.BasicBlock) bool {
	if add, ok := i.(*ssa.BinOp); ok && add.Op == token.ADD {
		i = add.X
	}
	phi, ok := i.(*ssa.Phi)
	return ok && phi.Block() == guard
}

// tripCount returns the number of iterations of a loop guarded by
// "i < n" starting at 0, when n is a constant or the length of an array.
func tripCount(n ssa.Value) (int, bool) {
	if k, ok := ssaidiom.ConstInt(n); ok && k >= 0 && k <= 1<<20 {
		return int(k), true
	}
	if xs := ssaidiom.LenArg(n); xs != nil {
		t := xs.Type().Underlying()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem().Underlying()
		}
		if a, ok := t.(*types.Array); ok {
			return int(a.Len()), true
		}
	}
	return 0, false
}

// reentered reports whether the loop headed by guard is itself in an outer
// loop: entered from a block that lies on a cycle outside it.
func reentered(guard *ssa.BasicBlock) bool {
	loop := ssaidiom.Cycle(guard)
	for _, p := range guard.Preds {
		if !loop[p] && ssaidiom.InLoop(p) {
			return true
		}
	}
	return false
}

// closedRanges reports whether ch is ranged over by loops that end, since
// it is closed, and is otherwise judged by nobody: chanflow's owner leaves
// such a channel to no analyzer, as the ranges drain it. Only the
// forgotten-sender count may still judge it, when the range is left early
// and the close is the sender's own (see closedOnlyBy).
func closedRanges(ch *chanflow.Channel) bool {
	return ch.Closed && len(ch.Ranges) > 0 && !ch.Escaped && !ch.ProcessLifetime && !ch.Returned && !ch.RangesNeverEnd()
}

// addRanges counts the range loops over ch in parent: one receive per
// iteration, and a close's weight on the way out of the loop once the
// channel is closed, since a range that ends has received everything. It
// fails when a range is elsewhere.
func addRanges(t *tally, ch *chanflow.Channel, parent *ssa.Function) bool {
	for _, r := range ch.Ranges {
		if r.Recv == nil || r.Go != nil || r.Recv.Parent() != parent {
			return false
		}
		branch, notOk := ssaidiom.OkBranch(r.Recv)
		if branch == nil {
			return false
		}
		t.Add(r.Recv, 1)
		t.AddEdge(branch, notOk, closeWeight)
	}
	return true
}

// drainLoop decodes recv as the receive "v, ok := <-ch" that heads a loop
// (the range form written with a way out, "for v := range ch { if ... {
// return } }", or its hand-written form) whose branch on !ok leaves the
// loop: every iteration receives once, and the only way out that does
// not come after a receive of the same iteration is the one a close
// opens. It returns the branch block and the successor taken on !ok, or
// nils.
func drainLoop(recv ssa.Instruction) (branch, notOk *ssa.BasicBlock) {
	u, ok := recv.(*ssa.UnOp)
	if !ok || u.Op != token.ARROW || !u.CommaOk {
		return nil, nil
	}
	branch, notOk = ssaidiom.OkBranch(u)
	loop := ssaidiom.Cycle(u.Block())
	if branch == nil || loop == nil || loop[notOk] || !loop[branch] {
		return nil, nil
	}
	for b := range loop {
		if !u.Block().Dominates(b) {
			return nil, nil // the receive does not head the loop
		}
	}
	return branch, notOk
}
