package lostsignal

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// flowBudget bounds the number of values one flow may visit. A value
// whose aliases outnumber it is treated as escaped.
const flowBudget = 2000

// role is the part a piece of code plays for the function being
// summarised (the starter).
type role uint8

const (
	// starter: the function that starts the goroutine, or a helper of
	// this package it calls synchronously.
	starter role = iota
	// goroutine: code run by a goroutine the starter starts.
	goroutine
	// stopper: the body of a function the starter returns.
	stopper
	numRoles
)

// flow records what the code of one package does with one value made by a
// starter function: a channel, a cancel function, or a context.
//
// chanflow answers the same question for channels, but gives up on any
// channel that is returned; here a returned value is the point, so this
// walk follows returns and the goroutines and closures around them, and
// knows which role each piece of code plays.
type flow struct {
	starter *ssa.Function
	// lenient is set for a context: uses that cannot cancel it are not
	// escapes, and only the receives from its Done channel matter.
	lenient bool

	budget int
	seen   map[flowKey]bool
	failed bool

	returned   []int             // result indexes under which the starter returns the value
	sends      []*ssa.Send       // plain sends, in goroutines
	selectSend bool              // a send in a select, in a goroutine
	recvs      []ssa.Instruction // receives (*ssa.UnOp or *ssa.Select), in goroutines
	closes     [numRoles]int
	calls      [numRoles]int               // calls of a function value
	roots      map[*ssa.Function][]*ssa.Go // goroutines' functions and the go statements that start them
	stopFns    map[*ssa.Function]int       // returned closures, with their result index
}

type flowKey struct {
	v ssa.Value
	r role
}

func newFlow(starter *ssa.Function, lenient bool) *flow {
	return &flow{
		starter: starter,
		lenient: lenient,
		budget:  flowBudget,
		seen:    make(map[flowKey]bool),
		roots:   make(map[*ssa.Function][]*ssa.Go),
		stopFns: make(map[*ssa.Function]int),
	}
}

func (f *flow) fail() {
	if !f.lenient {
		f.failed = true
	}
}

func (f *flow) visit(v ssa.Value, r role) bool {
	k := flowKey{v, r}
	if f.failed || f.seen[k] {
		return false
	}
	f.seen[k] = true
	f.budget--
	if f.budget < 0 {
		f.failed = true
		return false
	}
	return true
}

// value follows v, an alias of the value, in code playing role r.
func (f *flow) value(v ssa.Value, r role) {
	if !f.visit(v, r) || v.Referrers() == nil {
		return
	}
	for _, instr := range *v.Referrers() {
		if f.failed {
			return
		}
		f.use(v, instr, r)
	}
}

// use records what instr does with v.
func (f *flow) use(v ssa.Value, instr ssa.Instruction, r role) {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		f.recv(instr, instr.Op == token.ARROW, r)
	case *ssa.Send:
		if instr.X == v || r != goroutine {
			f.fail()
			return
		}
		f.sends = append(f.sends, instr)
	case *ssa.Select:
		f.selectUse(v, instr, r)
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert:
		f.value(instr.(ssa.Value), r)
	case *ssa.Store:
		if instr.Addr == v {
			f.fail()
			return
		}
		f.cell(instr.Addr, r)
	case *ssa.MakeClosure:
		f.closure(instr, v, r)
	case *ssa.Return:
		f.ret(v, instr, r)
	case ssa.CallInstruction:
		f.call(v, instr, r)
	case *ssa.BinOp, *ssa.DebugRef:
		// Comparisons with nil do nothing to the value.
	default:
		f.fail()
	}
}

func (f *flow) recv(instr ssa.Instruction, isRecv bool, r role) {
	if !isRecv || r != goroutine {
		f.fail()
		return
	}
	f.recvs = append(f.recvs, instr)
}

func (f *flow) selectUse(v ssa.Value, sel *ssa.Select, r role) {
	for _, st := range sel.States {
		switch {
		case st.Send == v:
			f.fail()
		case st.Chan != v:
		case r != goroutine:
			f.fail()
		case st.Dir == types.SendOnly:
			f.selectSend = true
		default:
			f.recvs = append(f.recvs, sel)
		}
	}
}

func (f *flow) ret(v ssa.Value, ret *ssa.Return, r role) {
	if r != starter || ret.Parent() != f.starter {
		f.fail()
		return
	}
	for i, res := range ret.Results {
		if res == v {
			f.returned = append(f.returned, i)
		}
	}
}

// cell follows p, a local variable (or a closure's free variable) holding
// the value: every load from it is an alias.
func (f *flow) cell(p ssa.Value, r role) {
	switch p.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
	default:
		f.fail() // a global, a field, an element
		return
	}
	if !f.visit(p, r) {
		return
	}
	for _, instr := range *p.Referrers() {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op != token.MUL {
				f.fail()
				continue
			}
			f.value(instr, r)
		case *ssa.Store:
			if instr.Addr != p {
				f.fail() // the variable's address is stored
			}
		case *ssa.MakeClosure:
			f.closure(instr, p, r)
		case *ssa.DebugRef:
		default:
			f.fail()
		}
		if f.failed {
			return
		}
	}
}

// closure follows v into the closure made by mc, which binds it.
func (f *flow) closure(mc *ssa.MakeClosure, v ssa.Value, r role) {
	fn := mc.Fn.(*ssa.Function)
	inner, ok := f.closureRole(mc, r)
	if !ok {
		f.fail()
		return
	}
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) || f.failed {
			continue
		}
		fv := fn.FreeVars[i]
		if _, isPtr := fv.Type().Underlying().(*types.Pointer); isPtr && isCell(v) {
			f.cell(fv, inner)
		} else {
			f.value(fv, inner)
		}
	}
}

// isCell reports whether v is the address of a variable holding the value
// (rather than the value itself, which may be a pointer too).
func isCell(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
		return true
	}
	return false
}

// closureRole returns the role of the body of the closure made by mc in
// code playing role r: a goroutine when a go statement starts it, a stop
// function when the starter returns it, and r itself inside goroutines and
// stop functions, where the closure runs on their behalf. It reports false
// when the closure is used in a way the summary does not model.
func (f *flow) closureRole(mc *ssa.MakeClosure, r role) (role, bool) {
	var gos []*ssa.Go
	returned, other := -1, false
	for _, instr := range *mc.Referrers() {
		switch instr := instr.(type) {
		case *ssa.Go:
			if instr.Call.Value == mc {
				gos = append(gos, instr)
				continue
			}
		case *ssa.Return:
			if i := slices.Index(instr.Results, ssa.Value(mc)); i >= 0 && r == starter && instr.Parent() == f.starter {
				returned = i
				continue
			}
		case *ssa.Store: // stop = func() {...}; return, with a named result
			if i := returnedVia(instr.Addr, f.starter); instr.Val == mc && i >= 0 && r == starter {
				returned = i
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		other = true
	}
	fn := mc.Fn.(*ssa.Function)
	switch {
	case len(gos) > 0 && r != stopper && (r != starter || (!other && returned < 0)):
		f.roots[fn] = append(f.roots[fn], gos...)
		return goroutine, true
	case r == starter && returned >= 0 && len(gos) == 0 && !other:
		f.stopFns[fn] = returned
		return stopper, true
	case r != starter && len(gos) == 0:
		return r, true
	}
	return r, false
}

// returnedVia returns the index of the result of starter that p, a local
// variable (a named result), is only ever loaded to be returned as, or -1.
func returnedVia(p ssa.Value, starter *ssa.Function) int {
	alloc, ok := p.(*ssa.Alloc)
	if !ok || alloc.Parent() != starter {
		return -1
	}
	idx := -1
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != alloc {
				return -1
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return -1
			}
			for _, use := range *ref.Referrers() {
				ret, ok := use.(*ssa.Return)
				i := -1
				if ok {
					i = slices.Index(ret.Results, ssa.Value(ref))
				}
				if i < 0 || (idx >= 0 && i != idx) {
					return -1
				}
				idx = i
			}
		case *ssa.DebugRef:
		default:
			return -1
		}
	}
	return idx
}

// call follows v, an operand of the call instr.
func (f *flow) call(v ssa.Value, instr ssa.CallInstruction, r role) {
	common := instr.Common()
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			f.closes[r]++
		case "len", "cap":
		default:
			f.fail()
		}
		return
	}
	if common.IsInvoke() {
		if common.Value == v && f.lenient && common.Method.Name() == "Done" && r == goroutine {
			if res, ok := instr.(*ssa.Call); ok {
				f.value(res, r)
			}
			return
		}
		f.fail()
		return
	}
	if common.Value == v {
		f.calls[r]++
		if r != stopper {
			f.fail()
		}
		return
	}
	f.passed(v, instr, r)
}

// passed follows v into the function of this package that instr calls, or
// starts in a goroutine.
func (f *flow) passed(v ssa.Value, instr ssa.CallInstruction, r role) {
	callee := instr.Common().StaticCallee()
	if callee == nil {
		f.fail()
		return
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if len(callee.Blocks) == 0 || callee.Pkg != f.starter.Pkg {
		f.fail()
		return
	}
	inner := r
	switch instr.(type) {
	case *ssa.Go:
		if r == stopper {
			f.fail()
			return
		}
		inner = goroutine
		f.roots[callee] = append(f.roots[callee], instr.(*ssa.Go))
	case *ssa.Defer:
		if r == starter {
			f.fail()
			return
		}
	}
	for i, arg := range instr.Common().Args {
		if arg != v || f.failed {
			continue
		}
		if i >= len(callee.Params) {
			f.fail()
			return
		}
		f.value(callee.Params[i], inner)
	}
}
