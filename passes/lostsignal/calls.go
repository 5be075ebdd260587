package lostsignal

import (
	"cmp"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/valueflow"
)

// checkCalls checks every call in fn to a function some of whose results
// are handles on goroutines: a handle dropped on some path abandons the
// goroutine.
func (c *checker) checkCalls(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.IsInvoke() || c.rangeclose.calls[call] {
				continue
			}
			h, sum := c.handlesOf(call.Call.StaticCallee())
			for i, k := range h.Results {
				if k != None {
					c.checkResult(fn, call, i, k, sum)
				}
			}
		}
	}
}

// handlesOf returns what the results of callee are, with its summary when
// it belongs to this package.
func (c *checker) handlesOf(callee *ssa.Function) (*Handles, *summary) {
	if callee == nil {
		return &Handles{}, nil
	}
	if o := callee.Origin(); o != nil {
		callee = o // a generic function: its body speaks for every instance
	}
	if callee.Pkg == c.pkg {
		if s := c.summaryOf(callee); s != nil {
			return s.fact, s
		}
		return &Handles{}, nil
	}
	obj, ok := callee.Object().(*types.Func)
	// context's cancel functions are lostcancel's.
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() == "context" {
		return &Handles{}, nil
	}
	var h Handles
	c.pass.ImportObjectFact(obj, &h)
	return &h, nil
}

// checkResult checks what fn does with result i of call, a handle of kind
// k.
func (c *checker) checkResult(fn *ssa.Function, call *ssa.Call, i int, k Kind, sum *summary) {
	u := c.resultUses(call, i, k)
	if u.Escaped() || u.deferred {
		return
	}
	if len(u.points) == 0 && len(u.edges) == 0 {
		c.reportDropped(call, i, k, sum, nil)
		return
	}
	if k == SendStream {
		if recv, exit := stopsEarly(fn, u); exit != nil {
			c.reportStoppedEarly(call, i, sum, recv, exit)
			return
		}
	}
	if k == SendStream || k == SendMany {
		// One receive may not be enough: judged only when the sends
		// every run makes, and the receives on each path, are counted.
		if must := sum.mustSends(i); must >= 2 {
			if p := fewerReceives(call, u, must); p != nil {
				c.reportFewerReceives(call, i, sum, must, p)
			}
		}
		return
	}
	st := stops{instr: func(instr ssa.Instruction) bool { return u.points[instr] }, edges: u.edges}
	if exit := exitFrom(fn, call, st); exit != nil {
		c.reportDropped(call, i, k, sum, exit)
	}
}

// fewerReceives returns a path from call to a return of its function on
// which fewer than must values are received from the handle u followed,
// or nil. Receives in loops make the count unknown.
func fewerReceives(call *ssa.Call, u *uses, must int64) *ssaidiom.Path {
	w := ssaidiom.NewWeights()
	for p := range u.points {
		if ssaidiom.InLoop(p.Block()) {
			return nil
		}
		w.Add(p, 1)
	}
	for e := range u.edges {
		if ssaidiom.InLoop(e.from) {
			return nil
		}
		w.AddEdge(e.from, e.to, 1)
	}
	p := ssaidiom.CheapestExit(call, w.After(call), w.Edge, nil)
	if p == nil || p.Ret == nil || int64(p.Cost) >= must {
		return nil
	}
	return p
}

// stopsEarly returns a receive from the handle u followed, in a loop
// that ends when the channel is closed (a range loop, a comma-ok receive
// whose ok decides a branch, or a select case in a loop), and an exit of
// fn that a path from just after it reaches without receiving again and
// without seeing the channel closed: a break or return out of the loop,
// another case of the select. A goroutine that has another value to send
// then blocks forever. Plain receives are not judged: a fixed number of
// them may take every value.
func stopsEarly(fn *ssa.Function, u *uses) (ssa.Instruction, ssa.Instruction) {
	closed := make(map[edge]bool)
	for e := range u.edges {
		closed[e] = true // receiving again, in a select case
	}
	type start struct {
		recv ssa.Instruction
		b    *ssa.BasicBlock
		i    int
	}
	var starts []start
	for p := range u.points {
		recv, ok := p.(*ssa.UnOp)
		if !ok || !recv.CommaOk {
			continue
		}
		if branch, notOk := ssaidiom.OkBranch(recv); branch != nil {
			closed[edge{branch, notOk}] = true
			if ssaidiom.InLoop(recv.Block()) {
				starts = append(starts, start{recv, recv.Block(), ssaidiom.IndexOf(recv) + 1})
			}
		}
	}
	for e, sel := range u.selects {
		if !ssaidiom.InLoop(sel.Block()) {
			continue
		}
		if branch, notOk := ssaidiom.OkBranch(sel); branch != nil {
			closed[edge{branch, notOk}] = true
		}
		starts = append(starts, start{sel, e.to, 0})
	}
	// In source order (maps are unordered), so that the message is stable.
	slices.SortFunc(starts, func(a, b start) int {
		return cmp.Or(cmp.Compare(a.recv.Pos(), b.recv.Pos()), cmp.Compare(a.b.Index, b.b.Index))
	})
	st := stops{instr: func(instr ssa.Instruction) bool { return u.points[instr] }, edges: closed}
	for _, s := range starts {
		if s.recv.Parent() != fn {
			continue
		}
		if e := earliest(exitsFromBlock(s.b, s.i, st)); e != nil {
			return s.recv, e
		}
	}
	return nil, nil
}

// uses is the policy of a walk of a handle a function got from a call,
// within that function: receiving from a channel and calling a stop
// function take the signal; anything else lets the handle escape.
type uses struct {
	*valueflow.Walk[struct{}]
	kind Kind
	// points are the instructions that take the signal: receives from a
	// channel, calls of a stop function.
	points map[ssa.Instruction]bool
	// edges lead into the bodies of select cases that receive from it,
	// and selects holds their selects.
	edges   map[edge]bool
	selects map[edge]*ssa.Select
	// deferred: a deferred call of the stop function takes the signal on
	// every path.
	deferred bool
}

// resultUses follows result i of call.
func (c *checker) resultUses(call *ssa.Call, i int, k Kind) *uses {
	u := &uses{kind: k, points: make(map[ssa.Instruction]bool), edges: make(map[edge]bool), selects: make(map[edge]*ssa.Select)}
	u.Walk = valueflow.New(c.vf, u, valueflow.Options{})
	for _, v := range ssaidiom.Results(call, i) {
		u.Value(v, struct{}{})
	}
	return u
}

// Op records the receives from a channel handle and the calls of a stop
// function.
func (u *uses) Op(_ *valueflow.Walk[struct{}], _ ssa.Value, op valueflow.Op, _ struct{}) valueflow.Verdict {
	switch {
	case op.Kind == valueflow.Recv && u.kind.isChan() && op.State < 0:
		u.points[op.Instr] = true
	case op.Kind == valueflow.Recv && u.kind.isChan():
		if e, ok := selectCaseEdge(op.Instr.(*ssa.Select), op.State); ok {
			u.edges[e] = true
			u.selects[e] = op.Instr.(*ssa.Select)
		} else {
			u.points[op.Instr] = true // conservatively, every case
		}
	case op.Kind == valueflow.Call && u.kind == Stop:
		if _, ok := op.Instr.(*ssa.Defer); ok {
			u.deferred = true
		} else {
			u.points[op.Instr] = true
		}
	default:
		return valueflow.Escape
	}
	return valueflow.Handled
}

// Enter is refused: a handle passed to a function may be kept there.
func (u *uses) Enter(ssa.CallInstruction, *ssa.Function, struct{}) (struct{}, bool) {
	return struct{}{}, false
}

// Closure is refused: a closure may take the signal on any path.
func (u *uses) Closure(*ssa.MakeClosure, struct{}) ([]struct{}, bool) { return nil, false }
