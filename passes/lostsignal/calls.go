package lostsignal

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
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
	u := resultUses(call, i, k)
	if u.escaped || u.deferred {
		return
	}
	if len(u.points) == 0 && len(u.edges) == 0 {
		c.reportDropped(call, i, k, sum, nil)
		return
	}
	if k == SendMany {
		return // one receive may not be enough; the count is unknown
	}
	st := stops{instr: func(instr ssa.Instruction) bool { return u.points[instr] }, edges: u.edges}
	if exit := exitFrom(fn, call, st); exit != nil {
		c.reportDropped(call, i, k, sum, exit)
	}
}

// uses is what a function does with a handle it got from a call.
type uses struct {
	// points are the instructions that take the signal: receives from a
	// channel, calls of a stop function.
	points map[ssa.Instruction]bool
	// edges lead into the bodies of select cases that receive from it.
	edges map[edge]bool
	// deferred: a deferred call of the stop function takes the signal on
	// every path.
	deferred bool
	// escaped: the handle reaches code this analysis does not follow.
	escaped bool

	budget int
	seen   map[ssa.Value]bool
}

// resultUses follows result i of call.
func resultUses(call *ssa.Call, i int, k Kind) *uses {
	u := &uses{
		points: make(map[ssa.Instruction]bool),
		edges:  make(map[edge]bool),
		budget: flowBudget,
		seen:   make(map[ssa.Value]bool),
	}
	if call.Call.Signature().Results().Len() == 1 {
		u.value(call, k)
		return u
	}
	for _, ref := range *call.Referrers() {
		if ext, ok := ref.(*ssa.Extract); ok && ext.Index == i {
			u.value(ext, k)
		}
	}
	return u
}

func (u *uses) value(v ssa.Value, k Kind) {
	if u.escaped || u.seen[v] || v.Referrers() == nil {
		return
	}
	u.seen[v] = true
	if u.budget--; u.budget < 0 {
		u.escaped = true
		return
	}
	for _, instr := range *v.Referrers() {
		u.use(v, instr, k)
	}
}

func (u *uses) use(v ssa.Value, instr ssa.Instruction, k Kind) {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		switch {
		case instr.Op == token.ARROW && k.isChan():
			u.points[instr] = true
		default:
			u.escaped = true
		}
	case *ssa.Select:
		u.selectUse(v, instr, k)
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert:
		u.value(instr.(ssa.Value), k)
	case *ssa.Store:
		u.stored(v, instr, k)
	case *ssa.Call, *ssa.Go:
		if instr.(ssa.CallInstruction).Common().Value != v || k != Stop {
			u.escaped = true
			return
		}
		u.points[instr] = true
	case *ssa.Defer:
		if instr.Call.Value != v || k != Stop {
			u.escaped = true
			return
		}
		u.deferred = true
	case *ssa.BinOp, *ssa.DebugRef:
		// Comparisons with nil take no signal.
	default:
		u.escaped = true
	}
}

func (u *uses) selectUse(v ssa.Value, sel *ssa.Select, k Kind) {
	for i, st := range sel.States {
		switch {
		case st.Send == v || (st.Chan == v && (!k.isChan() || st.Dir != types.RecvOnly)):
			u.escaped = true
		case st.Chan == v:
			if e, ok := selectCaseEdge(sel, i); ok {
				u.edges[e] = true
			} else {
				u.points[sel] = true // conservatively, every case
			}
		}
	}
}

// stored follows a handle stored in a local variable: every load of the
// variable is an alias.
func (u *uses) stored(v ssa.Value, st *ssa.Store, k Kind) {
	alloc, ok := st.Addr.(*ssa.Alloc)
	if !ok || st.Val != v {
		u.escaped = true
		return
	}
	for _, instr := range *alloc.Referrers() {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op != token.MUL {
				u.escaped = true
				return
			}
			u.value(instr, k)
		case *ssa.Store:
			if instr.Addr != alloc {
				u.escaped = true
			}
		case *ssa.DebugRef:
		default:
			u.escaped = true // captured by a closure, or its address taken
		}
	}
}
