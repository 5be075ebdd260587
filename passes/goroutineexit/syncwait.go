package goroutineexit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// A syncVar is one sync.WaitGroup or sync.Cond as the package uses it: an
// unexported struct field, whose operations in all the type's methods and
// the goroutines they start are one protocol (no other package can reach
// the field), or a local variable, followed into the closures that capture
// it.
type syncVar struct {
	kind    string // "WaitGroup" or "Cond"
	adds    []ssa.CallInstruction
	dones   []ssa.CallInstruction // Done, and Go, which calls Done
	waits   []ssa.CallInstruction
	signals []ssa.CallInstruction // Signal and Broadcast
	// escaped is set when the variable is used in a way the package
	// cannot follow: its address passed to a call or stored, the field's
	// value copied out, a Cond of unknown origin stored in the field. Code
	// we cannot see could then call Done or Signal.
	escaped bool
	// unknownAdd is set for an Add whose delta may be negative: it may be
	// a Done in disguise.
	unknownAdd bool
	// handed are the calls that pass the WaitGroup's address to a
	// function of the package, whose uses of it are followed.
	handed []ssa.CallInstruction
}

// syncKey identifies a syncVar: a field (the generic origin, so that all
// instances are one protocol) or a local variable.
type syncKey struct {
	field *types.Var
	local *ssa.Alloc
}

// syncWaits reports Wait calls that nothing can release: a WaitGroup
// whose counter is raised and never lowered, a Cond never signalled, a
// WaitGroup waited for inside the loop that starts the goroutines its Add
// counted for every element, and a Cond wait loop whose condition cannot
// change.
func (c *checker) syncWaits() {
	vars := c.collectSyncVars()
	reported := make(map[ssa.CallInstruction]bool)
	for _, v := range vars {
		if v.escaped {
			continue
		}
		switch v.kind {
		case "WaitGroup":
			c.waitGroupNeverDone(v, reported)
		case "Cond":
			c.condNeverSignalled(v, reported)
		}
	}
	for _, v := range vars {
		if v.kind == "WaitGroup" && !v.escaped {
			c.waitInSpawnLoop(v, reported)
			c.waitGroupDoneSkipped(v, reported)
		}
	}
	for _, fn := range c.flow.SSA().SrcFuncs {
		if ssaidiom.TooBig(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && syncMethod(call.Common()) == "Cond.Wait" && !reported[call] {
					c.condLoopNeverChanges(call)
				}
			}
		}
	}
}

// collectSyncVars indexes every operation on a WaitGroup or Cond held in
// a tracked field (one only the package accesses, see
// valueflow.TrackedField) or a local variable of the package, followed
// into the package's functions it is handed to.
func (c *checker) collectSyncVars() map[syncKey]*syncVar {
	s := &syncIndex{c: c, vars: make(map[syncKey]*syncVar), params: make(map[ssa.Value][]syncKey)}
	for _, fn := range c.flow.SSA().SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.FieldAddr, *ssa.Field:
					if f, kind := c.syncField(instr.(ssa.Value)); f != nil {
						s.field(f, kind)
					}
				case *ssa.Alloc:
					if kind := syncKind(deref(instr.Type())); kind != "" {
						k := syncKey{local: instr}
						v := s.get(k, kind)
						if !s.usesFollowed(instr, k, 0) {
							v.escaped = true
						}
					}
				}
			}
		}
	}
	// The calls are filed once every variable's uses, in the helpers it
	// is handed to too, are known.
	for _, fn := range c.flow.SSA().SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					s.recordSyncCall(call)
				}
			}
		}
	}
	return s.vars
}

// syncIndex collects the syncVars of a package.
type syncIndex struct {
	c    *checker
	vars map[syncKey]*syncVar
	// params maps a parameter of a helper that a WaitGroup's address is
	// handed to (or a free variable bound to one) to the variables it may
	// be.
	params map[ssa.Value][]syncKey
	fields map[*types.Var]bool
}

func (s *syncIndex) get(k syncKey, kind string) *syncVar {
	v := s.vars[k]
	if v == nil {
		v = &syncVar{kind: kind}
		s.vars[k] = v
	}
	return v
}

// field checks, once, every access to the tracked sync field f in the
// package's field index.
func (s *syncIndex) field(f *types.Var, kind string) {
	if s.fields == nil {
		s.fields = make(map[*types.Var]bool)
	}
	if s.fields[f] {
		return
	}
	s.fields[f] = true
	k := syncKey{field: f}
	v := s.get(k, kind)
	for _, ref := range s.c.vf.FieldRefs(f) {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if !s.fieldUsesFollowed(ref, f, kind) {
				v.escaped = true
			}
		case *ssa.Field:
			if !pointerField(f) || !valueUsesFollowed(ref) {
				v.escaped = true
			}
		}
	}
}

// recordSyncCall files a call of a WaitGroup or Cond method under the
// variable its receiver is.
func (s *syncIndex) recordSyncCall(call ssa.CallInstruction) {
	m := syncMethod(call.Common())
	if m == "" {
		return
	}
	recv := call.Common().Args[0]
	keys := s.params[recv]
	if k, ok := s.c.syncReceiver(recv); ok {
		keys = []syncKey{k}
	} else if m == "WaitGroup.Wait" {
		return // a wait in a helper is judged where the WaitGroup is
	}
	for _, k := range keys {
		s.record(k, m, call)
	}
}

func (s *syncIndex) record(k syncKey, m string, call ssa.CallInstruction) {
	switch m {
	case "WaitGroup.Add":
		v := s.get(k, "WaitGroup")
		v.adds = append(v.adds, call)
		if !positiveDelta(call.Common().Args[1]) {
			v.unknownAdd = true
		}
	case "WaitGroup.Done", "WaitGroup.Go":
		v := s.get(k, "WaitGroup")
		v.dones = append(v.dones, call)
	case "WaitGroup.Wait":
		v := s.get(k, "WaitGroup")
		v.waits = append(v.waits, call)
	case "Cond.Wait":
		v := s.get(k, "Cond")
		v.waits = append(v.waits, call)
	case "Cond.Signal", "Cond.Broadcast":
		v := s.get(k, "Cond")
		v.signals = append(v.signals, call)
	}
}

// waitGroupNeverDone reports the Wait calls of a WaitGroup whose counter
// something raises and nothing in the package lowers.
func (c *checker) waitGroupNeverDone(v *syncVar, reported map[ssa.CallInstruction]bool) {
	if len(v.adds) == 0 || len(v.dones) > 0 || v.unknownAdd {
		return
	}
	add := v.adds[0]
	for _, w := range v.waits {
		name := c.receiverText(w, "the WaitGroup")
		once := fmt.Sprintf("once %s.Add has run", name)
		if fn := add.Parent(); fn != w.Parent() {
			once = fmt.Sprintf("once %s has run", ssaidiom.FuncNameOf(fn, fn.Pkg.Pkg))
		}
		related := []analysis.RelatedInformation{{Pos: add.Pos(), Message: "the counter is raised here"}}
		for _, h := range v.handed {
			callee := h.Common().StaticCallee()
			related = append(related, analysis.RelatedInformation{Pos: h.Pos(),
				Message: fmt.Sprintf("%s is handed to %s here, which never calls Done", name, ssaidiom.FuncNameOf(callee, c.pass.Pkg))})
		}
		c.reportWait(w, reported, "syncwait",
			fmt.Sprintf("%s.Wait blocks forever %s: nothing in the package calls %s.Done", name, once, name), related...)
	}
}

// condNeverSignalled reports the Wait calls of a Cond that nothing in the
// package signals.
func (c *checker) condNeverSignalled(v *syncVar, reported map[ssa.CallInstruction]bool) {
	if len(v.signals) > 0 {
		return
	}
	for _, w := range v.waits {
		name := c.receiverText(w, "the Cond")
		c.reportWait(w, reported, "syncwait",
			fmt.Sprintf("%s.Wait blocks forever: nothing in the package calls %s.Signal or %s.Broadcast", name, name, name))
	}
}

// waitInSpawnLoop reports a Wait inside the loop over xs that starts one
// goroutine per element, after an Add(len(xs)) before the loop: at the
// first Wait only one goroutine has started, and the counter stays above
// zero for good when len(xs) > 1.
func (c *checker) waitInSpawnLoop(v *syncVar, reported map[ssa.CallInstruction]bool) {
	if len(v.adds) != 1 || len(v.dones) == 0 {
		return
	}
	add := v.adds[0]
	xs := ssaidiom.LenArg(add.Common().Args[1])
	if xs == nil {
		return
	}
	for _, w := range v.waits {
		if w.Parent() != add.Parent() || reported[w] {
			continue
		}
		body := ssaidiom.LoopBodyOver(w.Block(), xs)
		if body == nil || body.Dominates(add.Block()) || !add.Block().Dominates(body) {
			continue
		}
		g := startsAllDones(v, body, w)
		if g == nil {
			continue
		}
		name := c.receiverText(w, "the WaitGroup")
		what := analysisutil.ExprText(c.lenExpr(add), "len(…)")
		c.reportWait(w, reported, "syncwait",
			fmt.Sprintf("%s.Wait blocks forever when %s > 1: %s.Add(%s) counts every element, but only one goroutine has started", name, what, name, what),
			analysis.RelatedInformation{Pos: add.Pos(), Message: "the counter is raised for every element here"},
			analysis.RelatedInformation{Pos: g.Pos(), Message: "one goroutine per iteration is started here"})
	}
}

// startsAllDones returns the go statement in the loop body that starts
// the only goroutine calling Done, once, before the Wait w in each
// iteration; or nil when the Dones are anywhere else.
func startsAllDones(v *syncVar, body *ssa.BasicBlock, w ssa.CallInstruction) *ssa.Go {
	var g *ssa.Go
	for _, d := range v.dones {
		dg := goOf(d.Parent(), w.Parent())
		if dg == nil || (g != nil && dg != g) || ssaidiom.InLoop(d.Block()) {
			return nil
		}
		g = dg
	}
	if g == nil || !body.Dominates(g.Block()) || !ssaidiom.RunsBefore(g, w) {
		return nil
	}
	return g
}

// goOf returns the only go statement of parent that starts fn, a closure
// of parent, or nil.
func goOf(fn, parent *ssa.Function) *ssa.Go {
	mc := ssaidiom.ClosureOf(fn)
	if mc == nil || fn.Parent() != parent || mc.Referrers() == nil {
		return nil
	}
	var g *ssa.Go
	for _, ref := range *mc.Referrers() {
		if gg, ok := ref.(*ssa.Go); ok && gg.Call.Value == mc && g == nil {
			g = gg
			continue
		}
		return nil
	}
	return g
}

// condLoopNeverChanges reports a Cond Wait inside a loop whose only way
// out is a test of a value that the loop cannot change: once the loop
// runs, it runs forever, whoever signals.
func (c *checker) condLoopNeverChanges(w ssa.CallInstruction) {
	cycle := ssaidiom.Cycle(w.Block())
	if len(cycle) == 0 {
		return
	}
	var test *ssa.If
	for b := range cycle {
		for _, s := range b.Succs {
			if cycle[s] {
				continue
			}
			iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
			if !ok || (test != nil && test != iff) {
				return // another way out
			}
			test = iff
		}
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Return, *ssa.Panic:
				return
			case *ssa.Call:
				if ssaidiom.IsGoexit(instr) {
					return
				}
			}
		}
	}
	if test == nil || !invariantIn(test.Cond, cycle) {
		return
	}
	stay := test.Block().Succs[0]
	if !cycle[stay] {
		stay = test.Block().Succs[1]
	}
	if len(stay.Preds) != 1 || !stay.Dominates(w.Block()) {
		return
	}
	cond := "its condition"
	if f := c.loopCondText(w); f != "" {
		cond = f
	}
	c.reportWait(w, nil, "syncwait",
		fmt.Sprintf("goroutine never finishes: the loop around Wait tests %s, which nothing in the loop changes", cond))
}

// invariantIn reports whether v has the same value in every iteration of
// the loop made of the blocks in cycle: a constant, a parameter, or a
// value computed outside the loop (SSA values never change; memory loaded
// inside the loop may).
func invariantIn(v ssa.Value, cycle map[*ssa.BasicBlock]bool) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter:
		return true
	case *ssa.UnOp:
		if v.Op == token.NOT {
			return invariantIn(v.X, cycle)
		}
	}
	instr, ok := v.(ssa.Instruction)
	return ok && instr.Block() != nil && !cycle[instr.Block()]
}

// reportWait reports a diagnostic at the Wait call w, once.
func (c *checker) reportWait(w ssa.CallInstruction, reported map[ssa.CallInstruction]bool, category, msg string, related ...analysis.RelatedInformation) {
	if reported != nil {
		if reported[w] {
			return
		}
		reported[w] = true
	}
	d := analysis.Diagnostic{Pos: w.Pos(), Category: category, Message: msg, URL: docURL, Related: related}
	c.diags = append(c.diags, d)
}

// receiverText names the receiver of the method call instr as written.
func (c *checker) receiverText(instr ssa.CallInstruction, fallback string) string {
	if call := c.src.Call(instr.Pos()); call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return analysisutil.ExprText(sel.X, fallback)
		}
	}
	return fallback
}

// lenExpr returns the argument of the Add call add as written.
func (c *checker) lenExpr(add ssa.CallInstruction) ast.Expr {
	if call := c.src.Call(add.Pos()); call != nil && len(call.Args) == 1 {
		return call.Args[0]
	}
	return nil
}

// loopCondText returns the condition of the innermost for statement
// around the Wait call w, as written, or "".
func (c *checker) loopCondText(w ssa.CallInstruction) string {
	body := analysisutil.FuncBody(w.Parent().Syntax())
	if body == nil {
		return ""
	}
	var cond ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || n.Pos() > w.Pos() || n.End() <= w.Pos() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if f, ok := n.(*ast.ForStmt); ok {
			cond = f.Cond
		}
		return true
	})
	return analysisutil.ExprText(cond, "")
}

// syncMethod returns "WaitGroup.Add", "Cond.Wait" and so on for a static
// call of a method of sync.WaitGroup or sync.Cond, or "".
func syncMethod(call *ssa.CallCommon) string {
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync" || len(call.Args) == 0 {
		return ""
	}
	if kind := syncKind(deref(fn.Signature.Recv().Type())); kind != "" {
		return kind + "." + fn.Name()
	}
	return ""
}

// syncKind returns "WaitGroup" or "Cond" for those types of package sync.
func syncKind(t types.Type) string {
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "sync" {
		return ""
	}
	switch named.Obj().Name() {
	case "WaitGroup", "Cond":
		return named.Obj().Name()
	}
	return ""
}

// syncField returns the field that v, a Field or FieldAddr instruction,
// accesses and the kind of sync value it holds (a WaitGroup or a Cond, or
// a pointer to a Cond), when the package's field index tracks it: no
// other package can reach it.
func (c *checker) syncField(v ssa.Value) (*types.Var, string) {
	f := c.vf.TrackedField(v)
	if f == nil {
		return nil, ""
	}
	kind := syncKind(f.Type())
	if kind == "" {
		if p, ok := f.Type().(*types.Pointer); ok && syncKind(p.Elem()) == "Cond" {
			kind = "Cond"
		}
	}
	if kind == "" {
		return nil, ""
	}
	return f, kind
}

func pointerField(f *types.Var) bool {
	_, ok := f.Type().(*types.Pointer)
	return ok
}

// syncReceiver returns the variable that v, the receiver of a sync
// method call, is: the address of a field, a Cond pointer loaded from a
// field, or a local variable (also through a closure's free variable).
func (c *checker) syncReceiver(v ssa.Value) (syncKey, bool) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		if f, _ := c.syncField(v); f != nil {
			return syncKey{field: f}, true
		}
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if f, _ := c.syncField(fa); f != nil {
				return syncKey{field: f}, true
			}
		}
	case *ssa.Field:
		if f, _ := c.syncField(v); f != nil {
			return syncKey{field: f}, true
		}
	case *ssa.Alloc, *ssa.FreeVar:
		if a := ssaidiom.CellOf(v); a != nil {
			return syncKey{local: a}, true
		}
	}
	return syncKey{}, false
}

// fieldUsesFollowed reports whether every use of fa, the address of the
// sync field f, is one the analysis follows: the receiver of a sync
// method call, an argument of a call of the package's function (for a
// WaitGroup, followed there), the Cond's L field, and for a Cond pointer
// field its loads and the stores of a fresh Cond.
func (s *syncIndex) fieldUsesFollowed(fa *ssa.FieldAddr, f *types.Var, kind string) bool {
	for _, ref := range referrers(fa) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			if !isReceiverOnly(ref, fa) && (kind != "WaitGroup" || !s.intoHelper(ref, fa, syncKey{field: f}, 0)) {
				return false
			}
		case *ssa.FieldAddr: // c.L of a Cond field
			if kind != "Cond" || pointerField(f) {
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL || !pointerField(f) || !valueUsesFollowed(ref) {
				return false
			}
		case *ssa.Store:
			if ref.Addr != fa || !s.c.freshCond(ref.Val, f) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// valueUsesFollowed reports whether v, a Cond pointer read from a field,
// is only used as the receiver of Cond methods or to reach its L field.
func valueUsesFollowed(v ssa.Value) bool {
	for _, ref := range referrers(v) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			if !isReceiverOnly(ref, v) {
				return false
			}
		case *ssa.FieldAddr, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// freshCond reports whether v, stored into the Cond pointer field f, is a
// new Cond (sync.NewCond or &sync.Cond{...}) that goes nowhere but into
// f, or nil.
func (c *checker) freshCond(v ssa.Value, f *types.Var) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Call:
		if fn := v.Call.StaticCallee(); fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync" || fn.Name() != "NewCond" {
			return false
		}
	case *ssa.Alloc:
	default:
		return false
	}
	for _, ref := range referrers(v) {
		switch ref := ref.(type) {
		case *ssa.Store:
			fa, ok := ref.Addr.(*ssa.FieldAddr)
			if !ok || ref.Val != v {
				return false
			}
			if g, _ := c.syncField(fa); g != f {
				return false
			}
		case *ssa.FieldAddr, *ssa.DebugRef: // &sync.Cond{L: ...}
		default:
			return false
		}
	}
	return true
}

// usesFollowed reports whether every use of v (a local WaitGroup or
// Cond, the free variable of a closure that captures it, or the parameter
// of a helper it is handed to) is the receiver of a sync method call, a
// capture by a closure, or for a WaitGroup an argument of a static call of
// the package's function, whose uses are followed in turn.
func (s *syncIndex) usesFollowed(v ssa.Value, k syncKey, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, ref := range referrers(v) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			if !isReceiverOnly(ref, v) && (s.vars[k].kind != "WaitGroup" || !s.intoHelper(ref, v, k, depth)) {
				return false
			}
		case *ssa.MakeClosure:
			fn := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b != v {
					continue
				}
				if _, isParam := v.(*ssa.Parameter); isParam || s.params[v] != nil {
					s.params[fn.FreeVars[i]] = append(s.params[fn.FreeVars[i]], k)
				}
				if !s.usesFollowed(fn.FreeVars[i], k, depth+1) {
					return false
				}
			}
		case *ssa.FieldAddr, *ssa.DebugRef: // the L of a local Cond
		default:
			return false
		}
	}
	return true
}

// intoHelper follows v, a WaitGroup's address, passed by call to a
// function of the package (called, deferred or started), into the
// parameter that receives it: the helper's Add, Done and Go calls on it
// count for k, and it may hand it on the same way. A function of another
// package, an interface method or a function value may call Done where
// the analysis cannot see, and so does a helper that stores the address.
func (s *syncIndex) intoHelper(call ssa.CallInstruction, v ssa.Value, k syncKey, depth int) bool {
	cc := call.Common()
	if cc.IsInvoke() || syncMethod(cc) != "" {
		return false
	}
	fn := cc.StaticCallee()
	if fn == nil || fn.Pkg != s.c.flow.SSA().Pkg || len(fn.Blocks) == 0 || fn.Origin() != nil {
		return false // an instance of a generic helper is not among the bodies indexed
	}
	for i, a := range cc.Args {
		if a != v {
			continue
		}
		if i >= len(fn.Params) {
			return false
		}
		p := fn.Params[i]
		if slices.Contains(s.params[p], k) {
			continue // a recursive helper, already followed
		}
		s.params[p] = append(s.params[p], k)
		if !s.usesFollowed(p, k, depth+1) {
			return false
		}
	}
	s.vars[k].handed = append(s.vars[k].handed, call)
	return true
}

// isReceiverOnly reports whether v appears in call only as the receiver
// of a sync method.
func isReceiverOnly(call ssa.CallInstruction, v ssa.Value) bool {
	return syncMethod(call.Common()) != "" && onlyReceiver(call.Common(), v)
}

// onlyReceiver reports whether v is the receiver of the static method
// call cc and none of its other arguments.
func onlyReceiver(cc *ssa.CallCommon, v ssa.Value) bool {
	if len(cc.Args) == 0 || cc.Args[0] != v {
		return false
	}
	for _, a := range cc.Args[1:] {
		if a == v {
			return false
		}
	}
	return true
}

// positiveDelta reports whether the delta of an Add is known to be
// positive: a positive constant, or a length.
func positiveDelta(v ssa.Value) bool {
	if k, ok := v.(*ssa.Const); ok {
		return k.Value != nil && k.Int64() > 0
	}
	if conv, ok := v.(*ssa.Convert); ok {
		v = conv.X
	}
	return ssaidiom.LenArg(v) != nil
}

func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
