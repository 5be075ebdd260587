package chanflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// walkBudget bounds the number of values one walk may visit. A channel
// whose aliases outnumber it is treated as escaped.
const walkBudget = 4000

// state holds the per-package state shared by all walks.
type state struct {
	pass      *analysis.Pass
	ssa       *buildssa.SSA
	paramUses map[paramKey]Use

	fieldRefs map[fieldKey][]ssa.Value // lazily built
	goSites   map[*ssa.Function][]*ssa.Go

	callers     map[*ssa.Function][]*ssa.Call // lazily built
	fnValueUsed map[*ssa.Function]bool
	returns     map[*ssa.Function]map[*ssa.BasicBlock]bool
}

type paramKey struct {
	fn *ssa.Function
	i  int
}

// fieldKey names a field of a struct type declared in this package.
type fieldKey struct {
	named *types.TypeName
	index int
}

func newAnalysis(pass *analysis.Pass, in *buildssa.SSA) *state {
	return &state{
		pass:      pass,
		ssa:       in,
		paramUses: make(map[paramKey]Use),
		returns:   make(map[*ssa.Function]map[*ssa.BasicBlock]bool),
	}
}

// walk follows one channel through its aliases.
type walk struct {
	a        *state
	budget   int
	seen     map[walkKey]bool
	fields   map[fieldKey]bool
	escaped  bool
	closed   bool
	returned bool

	ranges  []*Range
	sends   []*Send
	recvs   []*Recv
	closes  []*Close
	rangeAt map[walkKey]bool
}

// walkKey identifies a value reached in a given goroutine context.
type walkKey struct {
	v   ssa.Value
	ctx *ssa.Go
}

func (a *state) newWalk() *walk {
	return &walk{
		a:       a,
		budget:  walkBudget,
		seen:    make(map[walkKey]bool),
		fields:  make(map[fieldKey]bool),
		rangeAt: make(map[walkKey]bool),
	}
}

// visit reports whether v (in context ctx) is new to this walk, and
// charges the budget.
func (w *walk) visit(v ssa.Value, ctx *ssa.Go) bool {
	k := walkKey{v, ctx}
	if w.seen[k] {
		return false
	}
	if ssaidiom.TooBig(v.Parent()) {
		w.escaped = true // beyond the size budget: unknown
		return false
	}
	w.seen[k] = true
	w.budget--
	if w.budget < 0 {
		w.escaped = true
		return false
	}
	return true
}

// chanValue follows v, a value of channel type that is an alias of the
// channel, in the goroutine started by ctx (nil when unknown or the
// walk's starting goroutine).
func (w *walk) chanValue(v ssa.Value, ctx *ssa.Go) {
	if w.escaped || !w.visit(v, ctx) {
		return
	}
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, instr := range *refs {
		if w.escaped {
			return
		}
		w.chanUse(v, instr, ctx)
	}
}

// chanUse records what instr does with v, an alias of the channel.
func (w *walk) chanUse(v ssa.Value, instr ssa.Instruction, ctx *ssa.Go) {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		if instr.Op != token.ARROW {
			w.escaped = true
			return
		}
		if w.a.isRangeLoop(instr) {
			if !w.rangeAt[walkKey{instr, ctx}] {
				w.rangeAt[walkKey{instr, ctx}] = true
				w.ranges = append(w.ranges, &Range{Recv: instr, Go: ctx})
			}
		} else {
			w.recvs = append(w.recvs, &Recv{Instr: instr, State: -1, Go: ctx})
		}
	case *ssa.Send:
		if instr.X == v {
			w.escaped = true // the channel itself is sent somewhere
			return
		}
		w.sends = append(w.sends, &Send{Instr: instr, State: -1, Go: ctx, Forever: !w.a.canReturnAfter(instr)})
	case *ssa.Select:
		for i, st := range instr.States {
			if st.Send == v {
				w.escaped = true
				return
			}
			if st.Chan == v {
				if st.Dir == types.SendOnly {
					w.sends = append(w.sends, &Send{Instr: instr, State: i, Go: ctx, Forever: !w.a.canReturnAfter(instr)})
				} else {
					w.recvs = append(w.recvs, &Recv{Instr: instr, State: i, Go: ctx})
				}
			}
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert, *ssa.Phi:
		w.chanValue(instr.(ssa.Value), ctx)
	case *ssa.Store:
		if instr.Addr == v {
			w.escaped = true
			return
		}
		w.storedTo(instr.Addr, ctx)
	case *ssa.MakeClosure:
		w.captured(instr, v, ctx)
	case ssa.CallInstruction:
		w.passed(instr, v, ctx)
	case *ssa.Return:
		w.intoCallers(instr, v)
	case *ssa.BinOp:
		// Comparisons (ch == nil) do nothing to the channel.
	case *ssa.DebugRef:
	default:
		// MakeInterface, MapUpdate, Slice, Field of a composite,
		// and anything else we do not model.
		w.escaped = true
	}
}

// intoCallers follows v, returned by ret, into the callers of its function,
// when they are all known: the function is an unexported package-level
// function (not a method, which an interface may call) that is only ever
// called directly. Otherwise the channel escapes.
func (w *walk) intoCallers(ret *ssa.Return, v ssa.Value) {
	fn := ret.Parent()
	calls, ok := w.a.directCalls(fn)
	if !ok {
		w.escaped = true
		return
	}
	w.returned = true
	for i, r := range ret.Results {
		if r != v {
			continue
		}
		for _, call := range calls {
			if fn.Signature.Results().Len() == 1 {
				w.chanValue(call, nil)
				continue
			}
			for _, ref := range *call.Referrers() {
				if ext, ok := ref.(*ssa.Extract); ok && ext.Index == i {
					w.chanValue(ext, nil)
				}
			}
		}
	}
}

// directCalls returns the calls of fn in the package, when fn is an
// unexported package-level function whose every use is a direct call
// (not a go or defer statement, which drop the result, nor a function
// value, which may be called from anywhere).
func (a *state) directCalls(fn *ssa.Function) ([]*ssa.Call, bool) {
	obj := fn.Object()
	if obj == nil || obj.Exported() || fn.Parent() != nil || fn.Signature.Recv() != nil || !a.inPackage(fn) {
		return nil, false
	}
	if a.callers == nil {
		a.indexCallers()
	}
	if a.fnValueUsed[fn] {
		return nil, false
	}
	return a.callers[fn], true
}

// indexCallers records, for every function of the package, its direct
// calls and whether it is used in any other way.
func (a *state) indexCallers() {
	a.callers = make(map[*ssa.Function][]*ssa.Call)
	a.fnValueUsed = make(map[*ssa.Function]bool)
	for _, f := range a.ssa.SrcFuncs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				var ops []*ssa.Value
				if call, ok := instr.(*ssa.Call); ok && !call.Call.IsInvoke() {
					if callee, ok := call.Call.Value.(*ssa.Function); ok {
						a.callers[callee] = append(a.callers[callee], call)
						ops = instr.Operands(ops)[1:] // the callee is not a value use
					}
				}
				if ops == nil {
					ops = instr.Operands(ops)
				}
				for _, op := range ops {
					if op == nil {
						continue
					}
					if callee, ok := (*op).(*ssa.Function); ok {
						a.fnValueUsed[callee] = true
					}
				}
			}
		}
	}
}

// storedTo follows the channel stored at addr.
func (w *walk) storedTo(addr ssa.Value, ctx *ssa.Go) {
	switch addr := addr.(type) {
	case *ssa.Alloc:
		w.cell(addr, ctx)
	case *ssa.FieldAddr:
		k, ok := w.a.trackedField(addr.X.Type(), addr.Field)
		if !ok {
			w.escaped = true
			return
		}
		w.field(k)
	default:
		// Globals, slice and array elements, pointers from elsewhere.
		w.escaped = true
	}
}

// cell follows p, a pointer to a local variable holding the channel:
// every load from it is an alias.
func (w *walk) cell(p ssa.Value, ctx *ssa.Go) {
	if w.escaped || !w.visit(p, ctx) {
		return
	}
	refs := p.Referrers()
	if refs == nil {
		return
	}
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.MUL {
				w.chanValue(instr, ctx)
				continue
			}
			w.escaped = true
		case *ssa.Store:
			if instr.Addr != p {
				w.escaped = true // the pointer itself is stored
			}
			// Another value stored in the cell joins the aliases'
			// values; it does not change what happens to ours.
		case *ssa.MakeClosure:
			w.captured(instr, p, ctx)
		case *ssa.DebugRef:
		default:
			w.escaped = true
		}
		if w.escaped {
			return
		}
	}
}

// field follows every load of the tracked field k in the package.
func (w *walk) field(k fieldKey) {
	if w.fields[k] {
		return
	}
	w.fields[k] = true
	for _, ref := range w.a.fieldRefsOf(k) {
		if w.escaped {
			return
		}
		switch ref := ref.(type) {
		case *ssa.Field:
			w.chanValue(ref, nil)
		case *ssa.FieldAddr:
			w.fieldAddr(ref)
		}
	}
}

// fieldAddr follows the uses of &x.f, for a tracked field f.
func (w *walk) fieldAddr(fa *ssa.FieldAddr) {
	if !w.visit(fa, nil) {
		return
	}
	for _, instr := range *fa.Referrers() {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.MUL {
				w.chanValue(instr, nil)
				continue
			}
			w.escaped = true
		case *ssa.Store:
			if instr.Addr != fa {
				w.escaped = true
			}
		case *ssa.DebugRef:
		default:
			w.escaped = true // &x.f handed to someone
		}
		if w.escaped {
			return
		}
	}
}

// captured follows v into the closure made by mc, which binds it.
func (w *walk) captured(mc *ssa.MakeClosure, v ssa.Value, ctx *ssa.Go) {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		fv := fn.FreeVars[i]
		for _, c := range closureContexts(mc, ctx) {
			if isChan(fv.Type()) {
				w.chanValue(fv, c)
			} else {
				w.cell(fv, c)
			}
		}
	}
}

// closureContexts returns the goroutine contexts in which the closure
// made by mc may run: those of the go statements that start it directly,
// and ctx when it is used in any other way.
func closureContexts(mc *ssa.MakeClosure, ctx *ssa.Go) []*ssa.Go {
	var ctxs []*ssa.Go
	other := false
	for _, instr := range *mc.Referrers() {
		if g, ok := instr.(*ssa.Go); ok && g.Call.Value == mc {
			ctxs = append(ctxs, g)
			continue
		}
		if _, ok := instr.(*ssa.DebugRef); ok {
			continue
		}
		other = true
	}
	if other || len(ctxs) == 0 {
		ctxs = append(ctxs, ctx)
	}
	return ctxs
}

// passed follows v, passed as an argument of the call instr.
func (w *walk) passed(instr ssa.CallInstruction, v ssa.Value, ctx *ssa.Go) {
	common := instr.Common()
	if common.IsInvoke() {
		w.escaped = true
		return
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			w.closed = true
			w.closes = append(w.closes, &Close{Instr: instr, Go: ctx})
		case "len", "cap":
		default:
			w.escaped = true
		}
		return
	}
	if common.Value == v {
		w.escaped = true
		return
	}
	callee := common.StaticCallee()
	if callee == nil {
		w.escaped = true // a function value of unknown origin
		return
	}
	if o := callee.Origin(); o != nil {
		callee = o // a generic function: its body speaks for every instance
	}
	if g, ok := instr.(*ssa.Go); ok {
		ctx = g
	}
	for i, arg := range common.Args {
		if arg != v || w.escaped {
			continue
		}
		if len(callee.Blocks) > 0 && w.a.inPackage(callee) {
			if i < len(callee.Params) {
				w.chanValue(callee.Params[i], ctx)
			} else {
				w.escaped = true
			}
			continue
		}
		w.foreign(instr, callee, i, ctx)
	}
}

// foreign applies the summary of callee, a function of another package,
// to the channel passed as its i-th argument.
func (w *walk) foreign(instr ssa.CallInstruction, callee *ssa.Function, i int, ctx *ssa.Go) {
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == w.a.pass.Pkg {
		w.escaped = true
		return
	}
	var fact ParamUses
	if !w.a.pass.ImportObjectFact(obj, &fact) {
		w.escaped = true
		return
	}
	u := fact.Use(i)
	if u&Escapes != 0 {
		w.escaped = true
		return
	}
	if u&Closes != 0 {
		w.closed = true
		w.closes = append(w.closes, &Close{Instr: instr, Go: ctx})
	}
	if u&(Ranges|RangesAsync) != 0 {
		w.ranges = append(w.ranges, &Range{Call: instr, Callee: obj, Arg: i, Async: u&RangesAsync != 0, Go: ctx})
	}
	if u&Sends != 0 {
		w.sends = append(w.sends, &Send{Instr: instr, State: -1, Go: ctx, Forever: !w.a.canReturnAfter(instr)})
	}
	if u&SendsForever != 0 {
		w.sends = append(w.sends, &Send{Instr: instr, State: -1, Go: ctx, Forever: true})
	}
	if u&Receives != 0 {
		w.recvs = append(w.recvs, &Recv{Instr: instr, State: -1, Go: ctx})
	}
}

// inPackage reports whether fn's body belongs to the package being
// analysed (including its closures and synthetic wrappers).
func (a *state) inPackage(fn *ssa.Function) bool {
	if fn.Pkg != nil {
		return fn.Pkg == a.ssa.Pkg
	}
	// Synthetic wrappers (bound methods, thunks) have no package; they are
	// built from this package's program and may be followed when they
	// merely call a function of this package.
	return fn.Synthetic != "" && fn.Prog == a.ssa.Pkg.Prog
}

// trackedField returns the key of field index of the struct that t points
// to, when that field can be tracked like a local variable: it is
// unexported and belongs to a named struct type of this package, so every
// access to it is in this package.
func (a *state) trackedField(t types.Type, index int) (fieldKey, bool) {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return fieldKey{}, false
	}
	return a.trackedStructField(ptr.Elem(), index)
}

func (a *state) trackedStructField(t types.Type, index int) (fieldKey, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return fieldKey{}, false
	}
	named = named.Origin()
	st, ok := named.Underlying().(*types.Struct)
	if !ok || index >= st.NumFields() {
		return fieldKey{}, false
	}
	f := st.Field(index)
	if f.Exported() || f.Pkg() != a.pass.Pkg || named.Obj().Pkg() != a.pass.Pkg {
		return fieldKey{}, false
	}
	return fieldKey{named.Obj(), index}, true
}

// fieldRefsOf returns every Field and FieldAddr instruction of the package
// that accesses the field k.
func (a *state) fieldRefsOf(k fieldKey) []ssa.Value {
	if a.fieldRefs == nil {
		a.fieldRefs = make(map[fieldKey][]ssa.Value)
		for _, fn := range a.ssa.SrcFuncs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch instr := instr.(type) {
					case *ssa.FieldAddr:
						if k, ok := a.trackedField(instr.X.Type(), instr.Field); ok {
							a.fieldRefs[k] = append(a.fieldRefs[k], instr)
						}
					case *ssa.Field:
						if k, ok := a.trackedStructField(instr.X.Type(), instr.Field); ok {
							a.fieldRefs[k] = append(a.fieldRefs[k], instr)
						}
					}
				}
			}
		}
	}
	return a.fieldRefs[k]
}

// goSitesOf returns the go statements of the package that start fn
// directly.
func (a *state) goSitesOf(fn *ssa.Function) []*ssa.Go {
	if a.goSites == nil {
		a.goSites = make(map[*ssa.Function][]*ssa.Go)
		for _, f := range a.ssa.SrcFuncs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if g, ok := instr.(*ssa.Go); ok && !g.Call.IsInvoke() {
						if callee := g.Call.StaticCallee(); callee != nil {
							a.goSites[callee] = append(a.goSites[callee], g)
						}
					}
				}
			}
		}
	}
	return a.goSites[fn]
}

// canReturnAfter reports whether the function containing instr can
// return after executing it.
func (a *state) canReturnAfter(instr ssa.Instruction) bool {
	fn := instr.Parent()
	rets, ok := a.returns[fn]
	if !ok {
		rets = ssaidiom.BlocksReachingReturn(fn)
		a.returns[fn] = rets
	}
	return rets[instr.Block()]
}

// aliases returns the values the walk found to be the channel or a cell
// holding it.
func (w *walk) aliases() map[ssa.Value]bool {
	m := make(map[ssa.Value]bool, len(w.seen))
	for k := range w.seen {
		m[k.v] = true
	}
	return m
}
