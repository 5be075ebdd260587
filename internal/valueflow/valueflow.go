package valueflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// Budget bounds the number of values one walk may visit. A value whose
// aliases outnumber it has escaped.
const Budget = 4000

// Verdict is what a policy decides about one operation on the value.
type Verdict uint8

const (
	// Escape: the operation hands the value to code the walk cannot see.
	Escape Verdict = iota
	// Handled: the policy has recorded the operation, or it does nothing
	// to the value.
	Handled
	// Follow: the engine follows a returned value into the callers of
	// the function returning it (Return only).
	Follow
)

// Kind is the kind of an operation on the value.
type Kind uint8

const (
	// Other is any use the engine does not decode: a load through the
	// value, a field address of it, a store into it, a conversion to an
	// interface, and so on.
	Other Kind = iota
	// Recv receives from the value: <-v, or a receive case of a select.
	Recv
	// Send sends on the value: v <- x, or a send case of a select.
	Send
	// Close closes the value: close(v), called, deferred or started.
	Close
	// Call calls the value: v(), called, deferred or started.
	Call
	// Method calls a method of the value through an interface.
	Method
	// Foreign hands the value, as argument Arg, to Callee, a function
	// whose body is not the package's.
	Foreign
	// Return returns the value from its function.
	Return
)

// Op is one operation on the value, as decoded by the engine.
type Op struct {
	Kind  Kind
	Instr ssa.Instruction
	// State is the index of the case when Instr is a *ssa.Select, and -1
	// otherwise.
	State int
	// Callee is the static callee (its generic origin) of a Foreign
	// operation.
	Callee *ssa.Function
	// Name is the method's name, for Method.
	Name string
	// Arg is the index of the value among the call's arguments, for
	// Foreign.
	Arg int
}

// Policy says what the operations of one domain mean to a walk. C is the
// context in which a piece of code runs, as the policy sees it.
type Policy[C comparable] interface {
	// Op decides what op, an operation on v (an alias of the value
	// reached in ctx), means.
	Op(w *Walk[C], v ssa.Value, op Op, ctx C) Verdict
	// Enter returns the context in which callee, a function of the
	// package, runs when call calls, defers or starts it in ctx; false
	// lets the value escape instead.
	Enter(call ssa.CallInstruction, callee *ssa.Function, ctx C) (C, bool)
	// Closure returns the contexts in which the closure made by mc in ctx
	// runs; false lets the value escape instead.
	Closure(mc *ssa.MakeClosure, ctx C) ([]C, bool)
}

// Options tune a walk.
type Options struct {
	// Fields follows the value into the fields of the package's struct
	// types it is stored in that only the package can reach (see
	// Package.TrackedField): every load of such a field, in any function
	// of the package, is an alias (in the zero context).
	Fields bool
	// Globals follows the value into the unexported package-level
	// variables of the package it is stored in: every load of such a
	// variable, in any function of the package, is an alias (in the zero
	// context).
	Globals bool
	// Lenient ignores escapes: only what the policy records matters. The
	// budget still ends the walk.
	Lenient bool
}

// Walk follows one value through its aliases.
type Walk[C comparable] struct {
	pkg    *Package
	policy Policy[C]
	opts   Options

	budget   int
	seen     map[key[C]]bool
	fields   map[field]bool
	globals  map[*ssa.Global]bool
	escaped  bool
	returned bool

	// The walk has two phases. The near one follows the value in the
	// function that holds it and in everything that function hands it to
	// (callees, closures, goroutines); the far one, in the code the value
	// reaches once it has left that scope: the callers it is returned to,
	// and the loads of a field or package-level variable it is kept in.
	// Far work waits in later until the near phase is done, so that what
	// was recorded near is complete even when the far phase escapes.
	depth      int
	far        bool
	later      []func()
	escapedFar bool
	kept       bool
}

type key[C comparable] struct {
	v   ssa.Value
	ctx C
}

// New returns a walk of the package pkg under policy p.
func New[C comparable](pkg *Package, p Policy[C], opts Options) *Walk[C] {
	return &Walk[C]{pkg: pkg, policy: p, opts: opts, budget: Budget, seen: make(map[key[C]]bool)}
}

// Escaped reports whether the value reached code the walk cannot see, or
// the walk ran out of budget.
func (w *Walk[C]) Escaped() bool { return w.escaped }

// Returned reports whether the value was followed into the callers of a
// function returning it.
func (w *Walk[C]) Returned() bool { return w.returned }

// Far reports whether the walk is in its far phase: the operations
// decoded now are done by code that the value reached after leaving the
// scope it was walked from (a caller it was returned to, a load of a
// field or package-level variable holding it).
func (w *Walk[C]) Far() bool { return w.far }

// EscapedFar reports whether the value escaped in the far phase only:
// everything the near phase recorded is complete.
func (w *Walk[C]) EscapedFar() bool { return w.escaped && w.escapedFar }

// Kept reports whether the value was stored in a field or package-level
// variable that the walk followed (Options.Fields, Options.Globals).
func (w *Walk[C]) Kept() bool { return w.kept }

// Seen reports whether v was reached in ctx.
func (w *Walk[C]) Seen(v ssa.Value, ctx C) bool { return w.seen[key[C]{v, ctx}] }

// Aliases returns every value found to be the value, or a variable
// holding it, in any context.
func (w *Walk[C]) Aliases() map[ssa.Value]bool {
	m := make(map[ssa.Value]bool, len(w.seen))
	for k := range w.seen {
		m[k.v] = true
	}
	return m
}

func (w *Walk[C]) escape() {
	if !w.opts.Lenient {
		w.setEscaped()
	}
}

// setEscaped ends the walk, noting the phase in which it ended.
func (w *Walk[C]) setEscaped() {
	if !w.escaped {
		w.escaped, w.escapedFar = true, w.far
	}
}

// farther runs far work once the near phase is done (at once in the far
// phase).
func (w *Walk[C]) farther(work func()) {
	if w.far {
		work()
		return
	}
	w.later = append(w.later, work)
}

// drain runs the far work, in the order it was found, once the
// outermost Value call returns; the next outermost call starts near
// again.
func (w *Walk[C]) drain() {
	if w.far {
		return
	}
	w.far = true
	for i := 0; i < len(w.later) && !w.escaped; i++ {
		w.later[i]()
	}
	w.later, w.far = nil, false
}

// visit reports whether v (in ctx) is new to the walk, and charges the
// budget.
func (w *Walk[C]) visit(v ssa.Value, ctx C) bool {
	k := key[C]{v, ctx}
	if w.escaped || w.seen[k] {
		return false
	}
	if ssaidiom.TooBig(v.Parent()) {
		w.setEscaped() // beyond the size budget: unknown
		return false
	}
	w.seen[k] = true
	if w.budget--; w.budget < 0 {
		w.setEscaped()
		return false
	}
	return true
}

// Value follows v, an alias of the value, in context ctx. The outermost
// call returns when both phases are done.
func (w *Walk[C]) Value(v ssa.Value, ctx C) {
	w.depth++
	w.value(v, ctx)
	if w.depth--; w.depth == 0 {
		w.drain()
	}
}

func (w *Walk[C]) value(v ssa.Value, ctx C) {
	if !w.visit(v, ctx) || v.Referrers() == nil {
		return
	}
	for _, instr := range *v.Referrers() {
		if w.escaped {
			return
		}
		w.use(v, instr, ctx)
	}
}

// use follows or decodes what instr does with v.
func (w *Walk[C]) use(v ssa.Value, instr ssa.Instruction, ctx C) {
	switch instr := instr.(type) {
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert, *ssa.Phi:
		w.Value(instr.(ssa.Value), ctx)
	case *ssa.BinOp, *ssa.DebugRef:
		// Comparisons (v == nil) do nothing to the value.
	case *ssa.Store:
		if instr.Val == v {
			w.store(instr.Addr, ctx)
			return
		}
		w.op(v, Op{Kind: Other, Instr: instr, State: -1}, ctx)
	case *ssa.MakeClosure:
		w.closure(instr, v, ctx, false)
	case *ssa.UnOp:
		k := Other
		if instr.Op == token.ARROW {
			k = Recv
		}
		w.op(v, Op{Kind: k, Instr: instr, State: -1}, ctx)
	case *ssa.Send:
		if instr.X == v {
			w.escape() // the value itself is sent on a channel: not followed yet
			return
		}
		w.op(v, Op{Kind: Send, Instr: instr, State: -1}, ctx)
	case *ssa.Select:
		w.selectUse(v, instr, ctx)
	case ssa.CallInstruction:
		w.call(v, instr, ctx)
	case *ssa.Return:
		w.op(v, Op{Kind: Return, Instr: instr, State: -1}, ctx)
	default:
		w.op(v, Op{Kind: Other, Instr: instr, State: -1}, ctx)
	}
}

// op asks the policy about op and carries out its verdict.
func (w *Walk[C]) op(v ssa.Value, op Op, ctx C) {
	switch w.policy.Op(w, v, op, ctx) {
	case Escape:
		w.escape()
	case Follow:
		if op.Kind != Return {
			w.escape()
			return
		}
		w.intoCallers(op.Instr.(*ssa.Return), v)
	}
}

func (w *Walk[C]) selectUse(v ssa.Value, sel *ssa.Select, ctx C) {
	for i, st := range sel.States {
		if st.Send == v {
			w.escape() // the value itself is sent somewhere
			return
		}
		if st.Chan != v {
			continue
		}
		k := Recv
		if st.Dir == types.SendOnly {
			k = Send
		}
		if w.op(v, Op{Kind: k, Instr: sel, State: i}, ctx); w.escaped {
			return
		}
	}
}

// call decodes a call (or go or defer statement) with v among its
// operands, and follows v into the callee when it is a function of the
// package.
func (w *Walk[C]) call(v ssa.Value, instr ssa.CallInstruction, ctx C) {
	common := instr.Common()
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			w.op(v, Op{Kind: Close, Instr: instr, State: -1}, ctx)
		case "len", "cap":
		default:
			w.escape()
		}
		return
	}
	if common.Value == v {
		k := Call
		if common.IsInvoke() {
			k = Method
		}
		w.op(v, Op{Kind: k, Instr: instr, State: -1, Name: methodName(common)}, ctx)
		return
	}
	callee := Callee(common)
	if common.IsInvoke() || callee == nil {
		w.escape() // a function value of unknown origin
		return
	}
	if w.pkg.Local(callee) {
		w.enter(v, instr, callee, ctx)
		return
	}
	for i, arg := range common.Args {
		if arg == v && !w.escaped {
			w.op(v, Op{Kind: Foreign, Instr: instr, State: -1, Callee: callee, Arg: i}, ctx)
		}
	}
}

func methodName(c *ssa.CallCommon) string {
	if c.Method != nil {
		return c.Method.Name()
	}
	return ""
}

// Callee returns the function a call statically calls (the generic
// origin of an instance), or nil.
func Callee(c *ssa.CallCommon) *ssa.Function {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	if o := callee.Origin(); o != nil {
		return o // a generic function: its body speaks for every instance
	}
	return callee
}

// enter follows v, an argument of instr, into the parameters of callee.
func (w *Walk[C]) enter(v ssa.Value, instr ssa.CallInstruction, callee *ssa.Function, ctx C) {
	if !w.pkg.Local(callee) {
		w.escape()
		return
	}
	inner, ok := w.policy.Enter(instr, callee, ctx)
	if !ok {
		w.escape()
		return
	}
	for i, arg := range instr.Common().Args {
		if arg != v || w.escaped {
			continue
		}
		if i >= len(callee.Params) {
			w.escape()
			return
		}
		w.Value(callee.Params[i], inner)
	}
}

// intoCallers follows v, returned by ret, into the callers of its
// function when they are all known. Otherwise the value escapes.
func (w *Walk[C]) intoCallers(ret *ssa.Return, v ssa.Value) {
	w.farther(func() {
		calls, ok := w.pkg.directCalls(ret.Parent())
		if !ok {
			w.escape()
			return
		}
		w.returned = true
		w.intoCalls(ret, v, calls)
	})
}

// IntoStaticCalls follows v, returned by ret, into the calls of ret's
// function that the package makes statically (a method's too), without
// claiming that they are all its callers: the policy, which calls it,
// decides what the callers it cannot see may do with the value.
func (w *Walk[C]) IntoStaticCalls(ret *ssa.Return, v ssa.Value) {
	fn := ret.Parent()
	if !w.pkg.Local(fn) {
		return
	}
	w.farther(func() {
		if w.pkg.callers == nil {
			w.pkg.indexCallers()
		}
		w.intoCalls(ret, v, w.pkg.callers[fn])
	})
}

// CallersKnown reports whether every caller of fn is a direct call in
// the package, so that a value fn returns is followed into all of them.
func (p *Package) CallersKnown(fn *ssa.Function) bool {
	_, ok := p.directCalls(fn)
	return ok
}

func (w *Walk[C]) intoCalls(ret *ssa.Return, v ssa.Value, calls []*ssa.Call) {
	fn := ret.Parent()
	var zero C
	for i, r := range ret.Results {
		if r != v {
			continue
		}
		for _, call := range calls {
			if fn.Signature.Results().Len() == 1 {
				w.Value(call, zero)
				continue
			}
			for _, ref := range *call.Referrers() {
				if ext, ok := ref.(*ssa.Extract); ok && ext.Index == i {
					w.Value(ext, zero)
				}
			}
		}
	}
}

// store follows the value stored at addr.
func (w *Walk[C]) store(addr ssa.Value, ctx C) {
	switch addr := addr.(type) {
	case *ssa.Alloc:
		w.cell(addr, ctx)
	case *ssa.FieldAddr:
		k, ok := w.pkg.trackedField(addr.X.Type(), addr.Field)
		if !ok || !w.opts.Fields {
			w.escape()
			return
		}
		w.kept = true
		w.field(k)
	case *ssa.Global:
		if !w.opts.Globals || !w.pkg.trackedGlobal(addr) {
			w.escape()
			return
		}
		w.kept = true
		w.global(addr)
	default:
		// Exported globals, pointers from elsewhere, variables captured from an
		// enclosing function; and elements of slices and arrays (an
		// IndexAddr), not followed yet.
		w.escape()
	}
}

// cell follows p, the address of a variable holding the value: every
// load from it is an alias.
func (w *Walk[C]) cell(p ssa.Value, ctx C) {
	if !w.visit(p, ctx) || p.Referrers() == nil {
		return
	}
	for _, instr := range *p.Referrers() {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op != token.MUL {
				w.escape()
				break
			}
			w.Value(instr, ctx)
		case *ssa.Store:
			// Another value stored in the variable joins the aliases'
			// values; it does not change what happens to ours. Storing
			// the variable's address lets it escape.
			if instr.Addr != p {
				w.escape()
			}
		case *ssa.MakeClosure:
			w.closure(instr, p, ctx, true)
		case *ssa.DebugRef:
		default:
			w.escape()
		}
		if w.escaped {
			return
		}
	}
}

// field follows every load of the tracked field k in the package.
func (w *Walk[C]) field(k field) {
	if w.fields[k] {
		return
	}
	if w.fields == nil {
		w.fields = make(map[field]bool)
	}
	w.fields[k] = true
	w.farther(func() {
		var zero C
		for _, ref := range w.pkg.fieldRefsOf(k) {
			if w.escaped {
				return
			}
			if _, isAddr := ref.(*ssa.FieldAddr); isAddr {
				w.cell(ref, zero)
			} else {
				w.Value(ref, zero)
			}
		}
	})
}

// global follows every load of the tracked package-level variable g.
func (w *Walk[C]) global(g *ssa.Global) {
	if w.globals[g] {
		return
	}
	if w.globals == nil {
		w.globals = make(map[*ssa.Global]bool)
	}
	w.globals[g] = true
	w.farther(func() {
		var zero C
		for _, ref := range w.pkg.globalRefsOf(g) {
			if w.escaped {
				return
			}
			switch ref := ref.(type) {
			case *ssa.UnOp:
				if ref.Op == token.MUL {
					w.Value(ref, zero)
					continue
				}
				w.escape()
			case *ssa.Store:
				if ref.Addr != g {
					w.escape() // the variable's address is stored
				}
			case *ssa.DebugRef:
			default:
				w.escape() // the variable's address goes elsewhere
			}
		}
	})
}

// closure follows v (a variable's address when cell is set) into the
// closure made by mc, which binds it, in the contexts the closure runs in.
func (w *Walk[C]) closure(mc *ssa.MakeClosure, v ssa.Value, ctx C, cell bool) {
	ctxs, ok := w.policy.Closure(mc, ctx)
	if !ok {
		w.escape()
		return
	}
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		for _, c := range ctxs {
			if cell {
				w.cell(fn.FreeVars[i], c)
			} else {
				w.Value(fn.FreeVars[i], c)
			}
		}
	}
}
