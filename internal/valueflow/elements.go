package valueflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// Containers: a value stored into an element of a slice, an array or a
// map, or sent on a channel (the carrier), is followed through its
// container. The container is walked by an inner walk, with the engine's
// own rules (locals, closures, calls into the package's functions,
// fields, returns into callers), under the policy container, which
// decodes what is done with the container: every load of an element
// (Index, IndexAddr and a load, Lookup, a range over a map, a receive
// from the carrier) is an alias of the value, walked by the outer walk;
// anything else that hands the container away is an escape of the value.
//
// Elements are not told apart: a container is one cell, and a load of any
// element may be the value. That is sound for "who may receive or close
// it" only while every value stored into the container is the value
// itself (an alias the outer walk has seen, or nil): a container that
// also holds values of another origin is unknown, because the blocked
// operation found at a load might be on one of those. The walk ends there,
// as when its budget runs out.

// role says what part of its containers the value is.
type role uint8

const (
	inElems role = iota // an element of a slice or array, a map's value, a value sent on a channel
	inKeys              // a map's key
	roles
)

// maxDepth bounds the nesting of containers followed: a value in a
// slice in a map in a field is as deep as leakvet goes.
const maxDepth = 3

// maxOrigins bounds the values visited to find where a container, or a
// value stored into one, comes from.
const maxOrigins = 64

// nest is what a walk knows of the containers of its value: the inner
// walks that follow them, one for each role, made on first use; and, for
// an inner walk, the walk of the value its containers hold.
type nest[C comparable] struct {
	outer *Walk[C]
	depth int
	inner [roles]*Walk[C]
	// values indexes the values of the walk's seen-set, which held
	// indexed entries when it was built.
	values  map[ssa.Value]bool
	indexed int
}

// contain follows the container x, into which instr stores the value in
// ctx, in the role r: every origin of x is walked by the inner walk of
// role r. A container whose origin is not known lets the value escape.
func (w *Walk[C]) contain(x ssa.Value, r role, instr ssa.Instruction, ctx C) {
	if w.escaped {
		return
	}
	if w.nest.depth >= maxDepth {
		w.escape()
		return
	}
	var starts []ssa.Value
	if !w.origins(x, &starts, make(map[ssa.Value]bool)) {
		w.escape()
		return
	}
	in := w.innerWalk(r)
	var zero C
	for _, s := range starts {
		c := ctx
		if s.Parent() != instr.Parent() {
			c = zero // made by other code, in a goroutine the walk does not know
		}
		descend(w, in, func() { in.Value(s, c) })
		if w.escaped {
			return
		}
	}
}

// innerWalk returns the walk of the containers holding w's value in the
// role r.
func (w *Walk[C]) innerWalk(r role) *Walk[C] {
	if in := w.nest.inner[r]; in != nil {
		return in
	}
	// At depth 1, the inner walk never drains its own far work: descend
	// hands it to the outer walk.
	in := &Walk[C]{pkg: w.pkg, opts: w.opts, seen: make(map[key[C]]bool), depth: 1}
	in.policy = &container[C]{outer: w, inner: in, role: r}
	in.nest = nest[C]{outer: w, depth: w.nest.depth + 1}
	w.nest.inner[r] = in
	return in
}

// descend runs f in in, the walk nested in outer: the budget and an
// escape are one for both, and in is in outer's phase. The far work in
// finds waits for outer's far phase, so that what outer records near is
// complete before any of it runs.
func descend[C comparable](outer, in *Walk[C], f func()) {
	in.budget, in.far = outer.budget, outer.far
	in.escaped = in.escaped || outer.escaped
	f()
	outer.budget = in.budget
	outer.kept = outer.kept || in.kept // a container kept in a field keeps the value
	if in.escaped && !outer.escaped {
		outer.escaped, outer.escapedFar = true, in.escapedFar
	}
	later := in.later
	in.later = nil
	for _, work := range later {
		outer.farther(func() { descend(outer, in, work) })
	}
}

// ascend runs f in outer, the walk in is nested in, sharing the budget
// and an escape.
func ascend[C comparable](in, outer *Walk[C], f func()) {
	outer.budget = in.budget
	f()
	in.budget = outer.budget
	in.escaped = in.escaped || outer.escaped
}

// origins appends to out the values from which the walk of the container
// x starts: the makes of slices, maps and channels, array variables and
// append results that x may be, through conversions, phis, slicing,
// closures' free variables, the variables, unexported fields and
// variables x is loaded from (what is stored into them), and the
// parameters of unexported functions only ever called directly (their
// arguments). Walking forward from each reaches every alias of x. It
// reports false when some origin is unknown.
func (w *Walk[C]) origins(x ssa.Value, out *[]ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[x] {
		return true
	}
	if seen[x] = true; len(seen) > maxOrigins {
		return false
	}
	switch x := x.(type) {
	case *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
		*out = append(*out, x)
	case *ssa.Alloc:
		if !isArrayPtr(x.Type()) {
			return false
		}
		*out = append(*out, x) // an array variable, or the array of a literal
	case *ssa.Const:
		// nil: no container
	case *ssa.Call:
		if !isBuiltin(&x.Call, "append") {
			return false
		}
		// The result may share the array of the slice appended to.
		*out = append(*out, x)
		return w.origins(x.Call.Args[0], out, seen)
	case *ssa.Slice:
		return w.origins(x.X, out, seen)
	case *ssa.SliceToArrayPointer:
		return w.origins(x.X, out, seen)
	case *ssa.ChangeType:
		return w.origins(x.X, out, seen)
	case *ssa.MultiConvert:
		return w.origins(x.X, out, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !w.origins(e, out, seen) {
				return false
			}
		}
	case *ssa.FreeVar:
		b := binding(x)
		return b != nil && w.origins(b, out, seen)
	case *ssa.Parameter:
		return w.argsOf(x, func(arg ssa.Value) bool { return w.origins(arg, out, seen) })
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		if isArrayPtr(x.X.Type()) {
			return w.origins(x.X, out, seen) // an array loaded from its variable
		}
		return w.storedIn(x.X, func(v ssa.Value) bool { return w.origins(v, out, seen) })
	case *ssa.Field:
		k, ok := w.pkg.trackedStructField(x.X.Type(), x.Field)
		return ok && w.opts.Fields && w.fieldStores(k, func(v ssa.Value) bool { return w.origins(v, out, seen) })
	default:
		return false
	}
	return true
}

// storedIn calls each for every value stored into the variable p points
// to (a local variable, captured ones too, an unexported field or
// variable of the package), and reports false when p may be written in
// another way or each returns false.
func (w *Walk[C]) storedIn(p ssa.Value, each func(ssa.Value) bool) bool {
	switch p := p.(type) {
	case *ssa.FreeVar:
		b := binding(p)
		return b != nil && w.storedIn(b, each)
	case *ssa.Alloc:
		return cellStores(p, each, 0)
	case *ssa.FieldAddr:
		k, ok := w.pkg.trackedField(p.X.Type(), p.Field)
		return ok && w.opts.Fields && w.fieldStores(k, each)
	case *ssa.Global:
		if !w.opts.Globals || !w.pkg.trackedGlobal(p) {
			return false
		}
		for _, ref := range w.pkg.globalRefsOf(p) {
			if !storeOrLoad(p, ref, each) {
				return false
			}
		}
		return true
	}
	return false
}

// cellStores calls each for every value stored into the local variable
// p, seeing into the closures that capture it.
func cellStores(p ssa.Value, each func(ssa.Value) bool, depth int) bool {
	if depth > maxDepth || p.Referrers() == nil {
		return false
	}
	for _, ref := range *p.Referrers() {
		if mc, ok := ref.(*ssa.MakeClosure); ok {
			fn := mc.Fn.(*ssa.Function)
			for i, b := range mc.Bindings {
				if b == p && (i >= len(fn.FreeVars) || !cellStores(fn.FreeVars[i], each, depth+1)) {
					return false
				}
			}
			continue
		}
		if !storeOrLoad(p, ref, each) {
			return false
		}
	}
	return true
}

// storeOrLoad calls each for the value ref stores into p, and reports
// false when ref is another use of the address p than a load.
func storeOrLoad(p ssa.Value, ref ssa.Instruction, each func(ssa.Value) bool) bool {
	switch ref := ref.(type) {
	case *ssa.Store:
		return ref.Addr == p && each(ref.Val)
	case *ssa.UnOp:
		return ref.Op == token.MUL
	case *ssa.DebugRef:
		return true
	}
	return false
}

// fieldStores calls each for every value stored into the tracked field
// k anywhere in the package.
func (w *Walk[C]) fieldStores(k field, each func(ssa.Value) bool) bool {
	for _, ref := range w.pkg.fieldRefsOf(k) {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue // a read of a struct value's field
		}
		for _, use := range *fa.Referrers() {
			if !storeOrLoad(fa, use, each) {
				return false
			}
		}
	}
	return true
}

// argsOf calls each for the argument passed to the parameter p by every
// call of its function, when they are all known.
func (w *Walk[C]) argsOf(p *ssa.Parameter, each func(ssa.Value) bool) bool {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	calls, ok := w.pkg.directCalls(fn)
	if i < 0 || !ok {
		return false
	}
	for _, call := range calls {
		if i >= len(call.Call.Args) || !each(call.Call.Args[i]) {
			return false
		}
	}
	return true
}

// binding returns the value a closure's free variable is bound to, when
// the closure is made in one place.
func binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	mc := ssaidiom.ClosureOf(fn)
	if i < 0 || mc == nil || i >= len(mc.Bindings) {
		return nil
	}
	return mc.Bindings[i]
}

// same reports whether x, a value stored into a container of w's value,
// is that value as far as w can tell: an alias w has reached, nil, or
// made only of those through conversions, phis, free variables and local
// variables.
func (w *Walk[C]) same(x ssa.Value) bool { return w.derived(x, true) }

// pure reports whether every container the alias x of an inner walk's
// container may be is one the walk follows: x is nil, or made through
// conversions, phis, slicing, appends, free variables and variables (all
// that is stored into them) only of containers the walk has reached at
// their making, or received as a parameter or a call's result. A load
// from a variable or a phi that may also yield a container of another
// origin is not pure.
func (w *Walk[C]) pure(x ssa.Value) bool { return w.derived(x, false) }

// derived reports whether x is made only of values w has reached, seen
// through conversions, phis, free variables and variables; at every step
// when every is set, and otherwise only where nothing is seen through.
func (w *Walk[C]) derived(x ssa.Value, every bool) bool {
	seen := make(map[ssa.Value]bool)
	var derived func(x ssa.Value) bool
	derived = func(x ssa.Value) bool {
		if seen[x] {
			return true
		}
		if seen[x] = true; len(seen) > maxOrigins {
			return false
		}
		if every && w.reached(x) {
			return true
		}
		switch x := x.(type) {
		case *ssa.Const:
			return true
		case *ssa.ChangeType:
			return derived(x.X)
		case *ssa.MultiConvert:
			return derived(x.X)
		case *ssa.Convert:
			return derived(x.X)
		case *ssa.Slice:
			return derived(x.X)
		case *ssa.SliceToArrayPointer:
			return derived(x.X)
		case *ssa.Phi:
			return !slices.ContainsFunc(x.Edges, func(e ssa.Value) bool { return !derived(e) })
		case *ssa.FreeVar:
			b := binding(x)
			return b != nil && derived(b)
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			if isArrayPtr(x.X.Type()) {
				return derived(x.X)
			}
			return w.storedIn(x.X, derived)
		case *ssa.Field:
			k, ok := w.pkg.trackedStructField(x.X.Type(), x.Field)
			return ok && w.opts.Fields && w.fieldStores(k, derived)
		case *ssa.Call:
			if isBuiltin(&x.Call, "append") {
				return !slices.ContainsFunc(x.Call.Args, func(a ssa.Value) bool { return !derived(a) })
			}
			if every && !w.reached(x) {
				return w.returnedBy(x, 0, derived)
			}
		case *ssa.Extract:
			if call, ok := x.Tuple.(*ssa.Call); ok && every && !w.reached(x) {
				return w.returnedBy(call, x.Index, derived)
			}
		}
		return w.reached(x)
	}
	return derived(x)
}

// returnedBy reports whether result i of every return of the function of
// the package that call calls statically is derived.
func (w *Walk[C]) returnedBy(call *ssa.Call, i int, derived func(ssa.Value) bool) bool {
	fn := Callee(&call.Call)
	if fn == nil || call.Call.IsInvoke() || !w.pkg.Local(fn) || fn.TypeParams().Len() > 0 {
		return false
	}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && (i >= len(ret.Results) || !derived(ret.Results[i])) {
			return false
		}
	}
	return true
}

// holdsSame reports whether the container x, appended or copied into a
// container of w's value, holds only that value: it is derived from
// containers w follows, or it is the array of a variadic call whose
// elements are all the value of the walk w is nested in.
func (w *Walk[C]) holdsSame(x ssa.Value) bool {
	if w.same(x) {
		return true
	}
	sl, ok := x.(*ssa.Slice)
	if !ok {
		return false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || w.nest.outer == nil {
		return false
	}
	for _, ref := range *arr.Referrers() {
		switch ref := ref.(type) {
		case *ssa.IndexAddr:
			for _, use := range *ref.Referrers() {
				st, ok := use.(*ssa.Store)
				if !ok || st.Addr != ref || !w.nest.outer.same(st.Val) {
					return false
				}
			}
		case *ssa.Slice, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// reached reports whether the walk has reached v in some context. The
// values reached are indexed again only when the walk has grown.
func (w *Walk[C]) reached(v ssa.Value) bool {
	var zero C
	if w.seen[key[C]{v, zero}] {
		return true
	}
	n := &w.nest
	if n.indexed != len(w.seen) {
		clear(n.values)
		if n.values == nil {
			n.values = make(map[ssa.Value]bool, len(w.seen))
		}
		for k := range w.seen {
			n.values[k.v] = true
		}
		n.indexed = len(w.seen)
	}
	return n.values[v]
}

// mixed ends the walk: its container holds values of another origin.
func (w *Walk[C]) mixed() { w.setEscaped() }

// mapUse decodes a map update or lookup with v among its operands: v
// stored as a key or an element is followed into the map, and looking up
// v as a key does nothing to it.
func (w *Walk[C]) mapUse(v ssa.Value, instr ssa.Instruction, ctx C) {
	switch instr := instr.(type) {
	case *ssa.MapUpdate:
		if instr.Key == v {
			w.contain(instr.Map, inKeys, instr, ctx)
		}
		if instr.Value == v {
			w.contain(instr.Map, inElems, instr, ctx)
		}
		if instr.Map == v {
			w.op(v, Op{Kind: Other, Instr: instr, State: -1}, ctx)
		}
	case *ssa.Lookup:
		if instr.X == v {
			w.op(v, Op{Kind: Other, Instr: instr, State: -1}, ctx)
		}
	}
}

// builtin decides a call of a builtin function other than close, len and
// cap with v among its arguments, and reports false when v escapes
// through it. Only a container walk follows append and copy.
func (w *Walk[C]) builtin(v ssa.Value, call ssa.CallInstruction, name string, ctx C) bool {
	args := call.Common().Args
	switch name {
	case "delete", "clear":
		return true // removes elements, or looks v up as a key
	case "append":
		res, ok := call.(*ssa.Call)
		if !ok || w.nest.outer == nil {
			return false
		}
		w.Value(res, ctx)
		for _, a := range args {
			if a != v && !w.holdsSame(a) {
				w.mixed()
			}
		}
		return true
	case "copy":
		if w.nest.outer == nil || len(args) != 2 {
			return false
		}
		if args[0] == v {
			if !w.holdsSame(args[1]) {
				w.mixed()
			}
			return true
		}
		var starts []ssa.Value
		if !w.origins(args[0], &starts, make(map[ssa.Value]bool)) {
			return false
		}
		for _, s := range starts {
			if s.Parent() == call.Parent() {
				w.Value(s, ctx)
			} else {
				var zero C
				w.Value(s, zero)
			}
		}
		return true
	}
	return false
}

// container is the policy of an inner walk: it decodes what is done with
// a container of the outer walk's value.
type container[C comparable] struct {
	outer, inner *Walk[C]
	role         role
	// pure memoizes Walk.pure for the aliases elements are loaded from.
	pure map[ssa.Value]bool
}

func (p *container[C]) Enter(call ssa.CallInstruction, callee *ssa.Function, ctx C) (C, bool) {
	return p.outer.policy.Enter(call, callee, ctx)
}

func (p *container[C]) Closure(mc *ssa.MakeClosure, ctx C) ([]C, bool) {
	return p.outer.policy.Closure(mc, ctx)
}

// Op follows the loads of elements of the container v into the outer
// walk, checks what else is stored into it, and follows the containers
// it is turned into.
func (p *container[C]) Op(w *Walk[C], v ssa.Value, op Op, ctx C) Verdict {
	if (op.Kind == Recv || op.Kind == Other) && !p.isPure(v) {
		w.mixed()
		return Handled
	}
	switch op.Kind {
	case Recv:
		p.received(op, ctx)
	case Send:
		switch instr := op.Instr.(type) {
		case *ssa.Send:
			p.stored(instr.X)
		case *ssa.Select:
			p.stored(instr.States[op.State].Send)
		}
	case Close:
	case Other:
		return p.other(w, v, op.Instr, ctx)
	default:
		// Called, handed to another package, or returned: what callers
		// do with a returned container is the outer policy's to say,
		// and a policy speaks only of its own value.
		return Escape
	}
	return Handled
}

// isPure reports whether v, an alias of the container, is only ever a
// container the walk follows.
func (p *container[C]) isPure(v ssa.Value) bool {
	ok, found := p.pure[v]
	if !found {
		if p.pure == nil {
			p.pure = make(map[ssa.Value]bool)
		}
		ok = p.inner.pure(v)
		p.pure[v] = ok
	}
	return ok
}

// received follows the values received from a carrier channel.
func (p *container[C]) received(op Op, ctx C) {
	if p.role != inElems {
		p.inner.mixed()
		return
	}
	switch instr := op.Instr.(type) {
	case *ssa.UnOp:
		if !instr.CommaOk {
			p.load(instr, ctx)
			return
		}
		p.extracts(instr, 0, ctx)
	case *ssa.Select:
		// The select's tuple is (index, recvOk, r_0, ..., r_n-1), one r
		// for each receive case.
		i := 2
		for _, st := range instr.States[:op.State] {
			if st.Dir == types.RecvOnly {
				i++
			}
		}
		p.extracts(instr, i, ctx)
	default:
		p.inner.escape()
	}
}

// extracts follows component i of the tuple t as loads of elements.
func (p *container[C]) extracts(t ssa.Value, i int, ctx C) {
	for _, ref := range *t.Referrers() {
		if ext, ok := ref.(*ssa.Extract); ok && ext.Index == i {
			p.load(ext, ctx)
		}
	}
}

// load follows x, the load of an element, as an alias of the value.
func (p *container[C]) load(x ssa.Value, ctx C) {
	ascend(p.inner, p.outer, func() { p.outer.Value(x, ctx) })
}

// stored checks x, a value stored into the container.
func (p *container[C]) stored(x ssa.Value) {
	if !p.outer.same(x) {
		p.inner.mixed()
	}
}

// other decodes the uses of a container that the engine does not.
func (p *container[C]) other(w *Walk[C], v ssa.Value, instr ssa.Instruction, ctx C) Verdict {
	switch instr := instr.(type) {
	case *ssa.IndexAddr:
		return p.element(instr, ctx)
	case *ssa.Index:
		if p.role == inElems {
			p.load(instr, ctx)
		}
	case *ssa.Lookup:
		switch {
		case p.role != inElems:
		case instr.CommaOk:
			p.extracts(instr, 0, ctx)
		default:
			p.load(instr, ctx)
		}
	case *ssa.MapUpdate:
		x := instr.Value
		if p.role == inKeys {
			x = instr.Key
		}
		p.stored(x)
	case *ssa.Range:
		p.ranged(instr, ctx)
	case *ssa.Slice, *ssa.SliceToArrayPointer:
		w.Value(instr.(ssa.Value), ctx)
	case *ssa.UnOp:
		if instr.Op != token.MUL || !isArrayPtr(v.Type()) {
			return Escape
		}
		w.Value(instr, ctx) // the array, loaded from its variable
	case *ssa.Store:
		if instr.Addr != v {
			return Escape
		}
		if !w.same(instr.Val) { // a whole array stored into the array variable
			w.mixed()
		}
	default:
		return Escape
	}
	return Handled
}

// element decodes the uses of ia, the address of an element: a load is
// an alias of the value, a store puts another value into the container.
func (p *container[C]) element(ia *ssa.IndexAddr, ctx C) Verdict {
	for _, ref := range *ia.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return Escape
			}
			if p.role == inElems {
				p.load(ref, ctx)
			}
		case *ssa.Store:
			if ref.Addr != ia {
				return Escape
			}
			p.stored(ref.Val)
		case *ssa.DebugRef:
		default:
			return Escape // the element's address is passed on
		}
		if p.inner.escaped {
			return Handled
		}
	}
	return Handled
}

// ranged follows the keys or the values of a range over a map.
func (p *container[C]) ranged(r *ssa.Range, ctx C) {
	i := 2 // Next's tuple is (ok, key, value)
	if p.role == inKeys {
		i = 1
	}
	for _, ref := range *r.Referrers() {
		if next, ok := ref.(*ssa.Next); ok {
			p.extracts(next, i, ctx)
		}
	}
}

func isArrayPtr(t types.Type) bool {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = ptr.Elem().Underlying().(*types.Array)
	return ok
}

func isBuiltin(c *ssa.CallCommon, name string) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == name
}
