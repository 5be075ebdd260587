package lostsignal

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/valueflow"
)

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

// flow is the policy of a walk of one value made by a starter function
// that is not a channel: a cancel function, or a context. It records what
// the code of the package does with the value, and which role each piece
// of code plays: the walk's context is that role. (Channels are walked
// once, by chanflow: see made.)
type flow struct {
	*valueflow.Walk[role]
	starter *ssa.Function
	// lenient is set for a context: uses that cannot cancel it are not
	// escapes, and only the receives from its Done channel matter.
	lenient bool

	returned []int                       // result indexes under which the starter returns the value
	recvs    []ssa.Instruction           // receives from a context's Done channel (*ssa.UnOp or *ssa.Select), in goroutines
	calls    [numRoles]int               // calls of a function value
	roots    map[*ssa.Function][]*ssa.Go // goroutines' functions and the go statements that start them
	stopFns  map[*ssa.Function]int       // returned closures, with their result index
}

// follow walks v, made by fn (a function of pkg), in the starter's role.
func follow(pkg *valueflow.Package, fn *ssa.Function, v ssa.Value, lenient bool) *flow {
	f := &flow{
		starter: fn,
		lenient: lenient,
		roots:   make(map[*ssa.Function][]*ssa.Go),
		stopFns: make(map[*ssa.Function]int),
	}
	f.Walk = valueflow.New(pkg, f, valueflow.Options{Lenient: lenient})
	f.Value(v, starter)
	return f
}

// Op records what the operation does to the value in code playing role
// r. Only goroutines may receive, only stop functions may call a function
// value; a context's Done channel is followed.
func (f *flow) Op(w *valueflow.Walk[role], v ssa.Value, op valueflow.Op, r role) valueflow.Verdict {
	switch op.Kind {
	case valueflow.Recv:
		if r != goroutine {
			return valueflow.Escape
		}
		f.recvs = append(f.recvs, op.Instr)
	case valueflow.Call:
		if f.calls[r]++; r != stopper {
			return valueflow.Escape
		}
	case valueflow.Method:
		res, ok := op.Instr.(*ssa.Call)
		if !f.lenient || op.Name != "Done" || r != goroutine || !ok {
			return valueflow.Escape
		}
		w.Value(res, r)
	case valueflow.Return:
		return f.ret(op.Instr.(*ssa.Return), v, r)
	default:
		return valueflow.Escape
	}
	return valueflow.Handled
}

// Enter gives the body of a goroutine the goroutine's role; stop
// functions start none, and the starter defers no helper.
func (f *flow) Enter(call ssa.CallInstruction, callee *ssa.Function, r role) (role, bool) {
	switch call := call.(type) {
	case *ssa.Go:
		if r == stopper {
			return r, false
		}
		f.roots[callee] = append(f.roots[callee], call)
		return goroutine, true
	case *ssa.Defer:
		return r, r != starter
	}
	return r, true
}

func (f *flow) ret(ret *ssa.Return, v ssa.Value, r role) valueflow.Verdict {
	if r != starter || ret.Parent() != f.starter {
		return valueflow.Escape
	}
	for i, res := range ret.Results {
		if res == v {
			f.returned = append(f.returned, i)
		}
	}
	return valueflow.Handled
}

// Closure returns the role of the body of the closure made by mc in
// code playing role r: a goroutine when a go statement starts it, a stop
// function when the starter returns it, and r itself inside goroutines and
// stop functions, where the closure runs on their behalf. It reports false
// when the closure is used in a way the summary does not model.
func (f *flow) Closure(mc *ssa.MakeClosure, r role) ([]role, bool) {
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
		return []role{goroutine}, true
	case r == starter && returned >= 0 && len(gos) == 0 && !other:
		f.stopFns[fn] = returned
		return []role{stopper}, true
	case r != starter && len(gos) == 0:
		return []role{r}, true
	}
	return nil, false
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
