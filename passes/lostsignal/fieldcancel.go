package lostsignal

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// maxConfinedFuncs bounds the functions a confinement check enters.
const maxConfinedFuncs = 32

// checkFieldCancels reports the goroutines fn starts that end only when a
// context is done, whose cancel function fn keeps in a field of a struct
// that never leaves fn and the functions it hands the struct to, none of
// which reads that field: once fn returns, nothing can call it. (A cancel
// function kept in a local and never called is go vet's lostcancel; one
// kept in a struct that the caller gets is the caller's to call.)
func (c *checker) checkFieldCancels(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if cancel, ok := instr.(*ssa.Extract); ok {
				c.checkFieldCancel(fn, cancel)
			}
		}
	}
}

// fieldCancel is a context and its cancel function, both kept in fields
// of one struct made by the function being checked.
type fieldCancel struct {
	base        *ssa.Alloc
	cancelField int
	ctxField    int
	store       *ssa.Store // of the cancel function
	ctxStore    *ssa.Store
}

func (c *checker) checkFieldCancel(fn *ssa.Function, cancel *ssa.Extract) {
	ctx := backgroundContext(cancel)
	if ctx == nil {
		return
	}
	fc, ok := storedInFields(cancel, ctx)
	if !ok || fc.base.Parent() != fn {
		return
	}
	cf := &confinement{fc: fc, seen: make(map[ssa.Value]bool)}
	cf.value(fc.base)
	if cf.leaks {
		return
	}
	for _, g := range cf.gos {
		root := ssaidiom.GoroutineFunc(g)
		if root == nil || c.rangeclose.funcs[root] {
			continue
		}
		if recv := endsOnlyWhenDone(root, fc, cf.seen); recv != nil {
			c.reportFieldCancel(fn, fc, g, root, recv)
			return
		}
	}
}

// storedInFields reports where cancel and ctx are kept, when each is only
// stored into a field of the same struct, made by a composite literal or
// new in the function.
func storedInFields(cancel *ssa.Extract, ctx ssa.Value) (fieldCancel, bool) {
	var fc fieldCancel
	cs, ok := onlyFieldStore(cancel)
	if !ok {
		return fc, false
	}
	xs, ok := onlyFieldStore(ctx)
	if !ok {
		return fc, false
	}
	ca, xa := cs.Addr.(*ssa.FieldAddr), xs.Addr.(*ssa.FieldAddr)
	base, ok := ca.X.(*ssa.Alloc)
	if !ok || xa.X != ca.X {
		return fc, false
	}
	return fieldCancel{base: base, cancelField: ca.Field, ctxField: xa.Field, store: cs, ctxStore: xs}, true
}

// onlyFieldStore returns the one store of v, into a field; v may have no
// other use.
func onlyFieldStore(v ssa.Value) (*ssa.Store, bool) {
	var st *ssa.Store
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if _, ok := ref.Addr.(*ssa.FieldAddr); !ok || ref.Val != v || st != nil {
				return nil, false
			}
			st = ref
		default:
			return nil, false
		}
	}
	return st, st != nil
}

// confinement follows a pointer to the struct through the code of the
// package that it is handed to. It leaks when the pointer may reach code
// not followed, or when the cancel field is read anywhere it goes.
type confinement struct {
	fc    fieldCancel
	seen  map[ssa.Value]bool
	funcs int
	leaks bool
	gos   []*ssa.Go // go statements handing the struct over
}

// value follows v, a pointer to the struct.
func (cf *confinement) value(v ssa.Value) {
	if cf.leaks || cf.seen[v] {
		return
	}
	cf.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			cf.fieldAddr(ref)
		case *ssa.BinOp:
			if ref.Op != token.EQL && ref.Op != token.NEQ {
				cf.leaks = true
			}
		case *ssa.Store:
			cf.leaks = true // the pointer itself is stored, or the whole struct overwritten
		case ssa.CallInstruction:
			cf.call(v, ref)
		default:
			cf.leaks = true // stored, returned, converted, captured, ...
		}
		if cf.leaks {
			return
		}
	}
}

// fieldAddr allows writes of any field but the context's and the cancel
// function's (other than their own stores: another context there may be
// one that can be cancelled), and reads of any field but the cancel
// function's.
func (cf *confinement) fieldAddr(fa *ssa.FieldAddr) {
	ours := fa.Field == cf.fc.cancelField || fa.Field == cf.fc.ctxField
	for _, ref := range *fa.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if ref.Addr != fa || ours && ref != cf.fc.store && ref != cf.fc.ctxStore {
				cf.leaks = true
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL || fa.Field == cf.fc.cancelField {
				cf.leaks = true
			}
		default:
			cf.leaks = true
		}
	}
}

// call follows v into a static callee of the package with a body, as
// every parameter it is passed to; a go statement is recorded.
func (cf *confinement) call(v ssa.Value, call ssa.CallInstruction) {
	common := call.Common()
	callee := common.StaticCallee()
	if common.IsInvoke() || callee == nil || callee.Pkg != cf.fc.base.Parent().Pkg || len(callee.Blocks) == 0 ||
		ssaidiom.TooBig(callee) || len(callee.FreeVars) > 0 {
		cf.leaks = true
		return
	}
	if cf.funcs++; cf.funcs > maxConfinedFuncs {
		cf.leaks = true
		return
	}
	// A go statement anywhere the struct goes starts a goroutine that
	// only this struct's context can end.
	if g, ok := call.(*ssa.Go); ok {
		cf.gos = append(cf.gos, g)
	}
	for i, a := range common.Args {
		if a == v && i < len(callee.Params) {
			cf.value(callee.Params[i])
		}
	}
}

// endsOnlyWhenDone returns a receive from the Done channel of the context
// in fc's field that every exit of root passes, when root, handed the
// struct as a parameter (one of handed), has exits; or nil.
func endsOnlyWhenDone(root *ssa.Function, fc fieldCancel, handed map[ssa.Value]bool) ssa.Instruction {
	st := stops{edges: make(map[edge]bool)}
	instrs := make(map[ssa.Instruction]bool)
	var first ssa.Instruction
	for _, p := range root.Params {
		if !handed[p] {
			continue
		}
		for _, done := range doneChans(p, fc.ctxField) {
			for _, ref := range *done.Referrers() {
				switch ref := ref.(type) {
				case *ssa.UnOp:
					if ref.Op == token.ARROW {
						instrs[ref] = true
						first = earlier(first, ref)
					}
				case *ssa.Select:
					for k, s := range ref.States {
						if s.Chan != done || s.Dir != types.RecvOnly {
							continue
						}
						if e, ok := selectCaseEdge(ref, k); ok {
							st.edges[e] = true
							first = earlier(first, ref)
						}
					}
				}
			}
		}
	}
	if first == nil || exitFrom(root, nil, stops{}) == nil {
		return nil // no wait on Done, or no exit at all (goroutineexit's)
	}
	st.instr = func(instr ssa.Instruction) bool { return instrs[instr] }
	if exitFrom(root, nil, st) != nil {
		return nil
	}
	return first
}

// doneChans returns the results of the calls of Done on the context
// loaded from field ctxField of p.
func doneChans(p *ssa.Parameter, ctxField int) []*ssa.Call {
	var dones []*ssa.Call
	for _, ref := range *p.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != ctxField {
			continue
		}
		for _, l := range *fa.Referrers() {
			load, ok := l.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				continue
			}
			for _, u := range *load.Referrers() {
				if call, ok := u.(*ssa.Call); ok && call.Call.IsInvoke() && call.Call.Value == load && call.Call.Method.Name() == "Done" {
					dones = append(dones, call)
				}
			}
		}
	}
	return dones
}

func earlier(a, b ssa.Instruction) ssa.Instruction {
	if a == nil || b.Pos() < a.Pos() {
		return b
	}
	return a
}

// reportFieldCancel reports the goroutine g, running root, which waits at
// recv for a context that nothing can cancel once fn returns.
func (c *checker) reportFieldCancel(fn *ssa.Function, fc fieldCancel, g *ssa.Go, root *ssa.Function, recv ssa.Instruction) {
	st := fc.base.Type().(*types.Pointer).Elem()
	typ := types.TypeString(st, types.RelativeTo(c.pass.Pkg))
	s := st.Underlying().(*types.Struct)
	cancelName := typ + "." + s.Field(fc.cancelField).Name()
	ctxName := typ + "." + s.Field(fc.ctxField).Name()
	pos := recv.Pos()
	if sel, ok := recv.(*ssa.Select); ok {
		for _, state := range sel.States {
			if state.Dir == types.RecvOnly && state.Chan != nil {
				if call, ok := state.Chan.(*ssa.Call); ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Done" {
					pos = state.Pos
					break
				}
			}
		}
	}
	d := analysis.Diagnostic{
		Pos:      pos,
		Category: "cancelfield",
		Message: fmt.Sprintf("goroutine never finishes: nothing can call %s once %s returns (the %s it made goes nowhere else), and %s ends only when %s is done",
			cancelName, funcName(fn), typ, funcName(root), ctxName),
		Related: []analysis.RelatedInformation{
			{Pos: fc.store.Pos(), Message: "the cancel function is kept here"},
			{Pos: g.Pos(), Message: "the goroutine is started here"},
		},
	}
	c.report(d)
}
