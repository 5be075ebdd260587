package goroutineexit

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// sourceBudget bounds the values visited when tracing where a channel
// operand comes from.
const sourceBudget = 64

// oneSided reports operations on channels whose whole visible life is
// one-sided, wherever they block (in the maker, a method, a test, a
// goroutine): a receive from a channel that nothing sends on or closes,
// and a send on an unbuffered channel that nothing receives from.
//
// An operation is judged only when every channel its operand may be is
// known (traced back through fields, variables, closures and static
// calls to make calls) and every one of them is one-sided, so that a
// field shared by several values, one of which is served, stays silent.
func (c *checker) oneSided() {
	byMake := make(map[*ssa.MakeChan]*chanflow.Channel, len(c.flow.Channels))
	for _, ch := range c.flow.Channels {
		byMake[ch.Make] = ch
	}
	s := &sourceTracer{c: c, byMake: byMake}
	done := make(map[ssa.Instruction]bool)
	for _, ch := range c.flow.Channels {
		o := ch.Owner()
		if (o != chanflow.GoroutineExit && o != chanflow.OneSided) || ch.ProcessLifetime {
			continue
		}
		if ch.NeverSent() {
			for _, r := range ch.Recvs {
				c.reportOneSided(s, ch, r.Instr, r.State, r.Go, done, neverSent)
			}
		}
		if neverReceived(ch) {
			for _, snd := range ch.Sends {
				c.reportOneSided(s, ch, snd.Instr, snd.State, snd.Go, done, neverReceived)
			}
		}
		if bufferedNeverReceived(ch) {
			c.overflow(s, ch, done)
		}
	}
	c.servedAfterStop(s, done)
}

// neverSent and neverReceived are the two one-sided lives.
func neverSent(ch *chanflow.Channel) bool { return ch.NeverSent() }

func neverReceived(ch *chanflow.Channel) bool {
	k, ok := capacity(ch.Make)
	return ok && k == 0 && ch.Owner() == chanflow.GoroutineExit && !ch.Closed &&
		len(ch.Recvs) == 0 && len(ch.Ranges) == 0
}

// reportOneSided reports instr, an operation on ch, when it blocks
// forever: it is a send or receive statement, or a select without default
// all of whose cases wait on channels that are one-sided the same way.
func (c *checker) reportOneSided(s *sourceTracer, ch *chanflow.Channel, instr ssa.Instruction, state int, g *ssa.Go, done map[ssa.Instruction]bool, dead func(*chanflow.Channel) bool) {
	if done[instr] || (g != nil && c.reported[g]) {
		return
	}
	done[instr] = true
	if !s.mayRun(instr.Parent()) {
		return // a helper nothing calls: no value ever reaches it
	}
	var operands []ssa.Value
	recv := true
	switch instr := instr.(type) {
	case *ssa.UnOp:
		if _, park := instr.X.(*ssa.MakeChan); park {
			return // <-make(chan T): a deliberate park
		}
		operands = append(operands, instr.X)
	case *ssa.Send:
		recv = false
		operands = append(operands, instr.Chan)
	case *ssa.Select:
		if !instr.Blocking {
			return
		}
		for _, st := range instr.States {
			if (st.Dir == types.RecvOnly) != (instr.States[state].Dir == types.RecvOnly) {
				return
			}
			operands = append(operands, st.Chan)
		}
		recv = instr.States[state].Dir == types.RecvOnly
	default:
		return // a call into another package: its summary says no more
	}
	for _, v := range operands {
		if !s.allDead(v, dead) {
			return
		}
	}
	name := c.src.ChanText(operands[0].Pos(), "")
	if name == "" {
		name = c.src.ChanText(instr.Pos(), "the channel")
	}
	var msg string
	if recv {
		msg = fmt.Sprintf("blocks forever receiving from %s: nothing in the package sends on or closes it", name)
	} else {
		msg = fmt.Sprintf("blocks forever sending on %s: it is unbuffered and nothing in the package receives from it", name)
	}
	if _, isSel := instr.(*ssa.Select); isSel && len(operands) > 1 {
		msg = "select blocks forever: " + map[bool]string{true: "nothing in the package sends on or closes any of its channels", false: "nothing in the package receives from any of its channels"}[recv]
	}
	if g != nil {
		c.reported[g] = true
		msg = "goroutine " + msg
	}
	// A select is reported at its keyword, where the goroutine blocks.
	pos := instr.Pos()
	c.diags = append(c.diags, analysis.Diagnostic{
		Pos:      pos,
		Category: "onesided",
		Message:  msg,
		Related:  []analysis.RelatedInformation{makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name))},
	})
}

// sourceTracer traces channel values back to the make calls they may be.
type sourceTracer struct {
	c       *checker
	byMake  map[*ssa.MakeChan]*chanflow.Channel
	globals map[*ssa.Global][]*ssa.Store
	used    map[types.Object]bool
}

// methodOfUnexported reports whether obj is a method of an unexported
// type: only the package can call it, directly or through an interface.
func methodOfUnexported(obj types.Object) bool {
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	named, ok := types.Unalias(deref(sig.Recv().Type())).(*types.Named)
	return ok && !named.Obj().Exported()
}

// mayRun reports whether fn (or the function a closure is in) can be
// run: it is exported (a method of an unexported type is not: only the
// package can call it), or the package refers to it (a call, a go or
// defer statement, a function or method value, a call of an interface
// method of the same name). An unexported helper nothing refers to (a
// method that is never called on the test value holding a fresh
// channel, a test fake's method that only satisfies an interface) is not
// judged.
func (s *sourceTracer) mayRun(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj := fn.Object()
	if obj == nil || obj.Exported() && !methodOfUnexported(obj) {
		return true
	}
	if s.used == nil {
		s.used = make(map[types.Object]bool)
		var ops []*ssa.Value
		for _, f := range s.c.flow.SSA().SrcFuncs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					for _, op := range instr.Operands(ops[:0]) {
						if callee, ok := (*op).(*ssa.Function); ok {
							if o := callee.Origin(); o != nil {
								callee = o
							}
							if callee.Object() != nil {
								s.used[callee.Object()] = true
							}
						}
					}
					if call, ok := instr.(ssa.CallInstruction); ok && call.Common().IsInvoke() {
						s.used[call.Common().Method] = true
					}
				}
			}
		}
	}
	if s.used[obj] {
		return true
	}
	// A method may be called through an interface of the package that
	// names it.
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		for o := range s.used {
			if m, ok := o.(*types.Func); ok && m.Name() == obj.Name() {
				if r := m.Signature().Recv(); r != nil && types.IsInterface(r.Type()) {
					return true
				}
			}
		}
	}
	return false
}

// allDead reports whether v may only be channels made in the package (or
// nil) for which dead holds.
func (s *sourceTracer) allDead(v ssa.Value, dead func(*chanflow.Channel) bool) bool {
	makes := make(map[*ssa.MakeChan]bool)
	budget := sourceBudget
	if !s.sources(v, makes, map[ssa.Value]bool{}, &budget) || len(makes) == 0 {
		return false
	}
	for mk := range makes {
		ch := s.byMake[mk]
		if ch == nil || !dead(ch) {
			return false
		}
	}
	return true
}

// sources adds to makes the make calls v may be, and reports whether
// they are all known.
func (s *sourceTracer) sources(v ssa.Value, makes map[*ssa.MakeChan]bool, seen map[ssa.Value]bool, budget *int) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	if *budget--; *budget < 0 {
		return false
	}
	switch v := v.(type) {
	case *ssa.MakeChan:
		makes[v] = true
		return true
	case *ssa.Const:
		return v.IsNil() // a nil channel blocks forever too
	case *ssa.ChangeType:
		return s.sources(v.X, makes, seen, budget)
	case *ssa.Convert:
		return s.sources(v.X, makes, seen, budget)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !s.sources(e, makes, seen, budget) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return false
		}
		return s.stored(v.X, makes, seen, budget)
	case *ssa.FreeVar:
		return s.bound(v, func(b ssa.Value) bool { return s.sources(b, makes, seen, budget) })
	case *ssa.Call:
		return s.returned(v.Call, 0, makes, seen, budget)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return s.returned(call.Call, v.Index, makes, seen, budget)
		}
	}
	return false
}

// stored traces what may be stored at addr: a field of the package's
// struct types that only the package accesses (valueflow.TrackedField), or a local variable (also one captured by a
// closure).
func (s *sourceTracer) stored(addr ssa.Value, makes map[*ssa.MakeChan]bool, seen map[ssa.Value]bool, budget *int) bool {
	switch addr := addr.(type) {
	case *ssa.FieldAddr:
		f := s.c.vf.TrackedField(addr)
		if f == nil {
			return false
		}
		for _, ref := range s.c.vf.FieldRefs(f) {
			if fa, ok := ref.(*ssa.FieldAddr); ok && !s.storesInto(fa, makes, seen, budget) {
				return false
			}
		}
		return true
	case *ssa.Alloc:
		return s.storesInto(addr, makes, seen, budget)
	case *ssa.FreeVar:
		return s.bound(addr, func(b ssa.Value) bool { return s.stored(b, makes, seen, budget) })
	case *ssa.Global:
		obj := addr.Object()
		if obj == nil || obj.Exported() || addr.Pkg != s.c.flow.SSA().Pkg {
			return false
		}
		for _, st := range s.globalStores()[addr] {
			if st.Val == nil || !s.sources(st.Val, makes, seen, budget) {
				return false
			}
		}
		return true
	}
	return false
}

// bound applies trace to the value bound to the free variable fv by the
// closure made of its function, and reports whether it succeeds.
func (s *sourceTracer) bound(fv *ssa.FreeVar, trace func(ssa.Value) bool) bool {
	fn := fv.Parent()
	mc := ssaidiom.ClosureOf(fn)
	if mc == nil {
		return false
	}
	for i, f := range fn.FreeVars {
		if f == fv && i < len(mc.Bindings) {
			return trace(mc.Bindings[i])
		}
	}
	return false
}

// globalStores indexes the stores into the package's variables, in its
// functions and in its initialiser. An address of a variable used in any
// other way is recorded as a nil store, which no trace accepts.
func (s *sourceTracer) globalStores() map[*ssa.Global][]*ssa.Store {
	if s.globals != nil {
		return s.globals
	}
	s.globals = make(map[*ssa.Global][]*ssa.Store)
	pkg := s.c.flow.SSA().Pkg
	funcs := s.c.flow.SSA().SrcFuncs
	if init := pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(ops[:0]) {
					g, ok := (*op).(*ssa.Global)
					if !ok || g.Pkg != pkg {
						continue
					}
					switch instr := instr.(type) {
					case *ssa.Store:
						if instr.Addr == g {
							s.globals[g] = append(s.globals[g], instr)
						} else {
							s.globals[g] = append(s.globals[g], &ssa.Store{Addr: g})
						}
					case *ssa.UnOp, *ssa.DebugRef:
					default:
						s.globals[g] = append(s.globals[g], &ssa.Store{Addr: g})
					}
				}
			}
		}
	}
	return s.globals
}

// storesInto traces every value stored at addr, and fails when addr is
// used in a way that may store something unseen.
func (s *sourceTracer) storesInto(addr ssa.Value, makes map[*ssa.MakeChan]bool, seen map[ssa.Value]bool, budget *int) bool {
	for _, ref := range referrers(addr) {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != addr {
				return false
			}
			if !s.sources(ref.Val, makes, seen, budget) {
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			// A closure capturing a local variable: its stores are
			// through the free variable.
			fn := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b == addr && i < len(fn.FreeVars) && !s.storesInto(fn.FreeVars[i], makes, seen, budget) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// returned traces the index-th result of the function call calls
// statically, when it is the package's.
func (s *sourceTracer) returned(call ssa.CallCommon, index int, makes map[*ssa.MakeChan]bool, seen map[ssa.Value]bool, budget *int) bool {
	if call.IsInvoke() {
		return false
	}
	fn := call.StaticCallee()
	if fn == nil || fn.Pkg != s.c.flow.SSA().Pkg || len(fn.Blocks) == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if index >= len(ret.Results) || !s.sources(ret.Results[index], makes, seen, budget) {
				return false
			}
		}
	}
	return true
}

// servedAfterStop reports plain sends on an unbuffered channel held in a
// field whose every receiver is a select case in a loop that has another
// case leaving the loop (the serve loop of a type, returning on stop): an
// exported method sending on it after the loop has left blocks forever,
// since no other code receives from the channel. A sender that selects
// on the stop channel too is the protocol done right, and is no send
// statement.
func (c *checker) servedAfterStop(s *sourceTracer, done map[ssa.Instruction]bool) {
	served := make(map[*chanflow.Channel][]exitCase)
	for _, ch := range c.flow.Channels {
		if ch.Owner() != chanflow.GoroutineExit || ch.Closed || ch.ProcessLifetime || len(ch.Recvs) == 0 || len(ch.Sends) == 0 {
			continue
		}
		if k, ok := capacity(ch.Make); !ok || k != 0 {
			continue
		}
		var exits []exitCase
		for _, r := range ch.Recvs {
			e, ok := s.exitCase(r)
			if !ok {
				exits = nil
				break
			}
			exits = append(exits, e)
		}
		if len(exits) > 0 {
			served[ch] = exits
		}
	}
	for _, ch := range c.flow.Channels {
		for _, snd := range ch.Sends {
			if exits := served[ch]; exits != nil {
				c.reportServedAfterStop(s, ch, snd, exits, served, done)
			}
		}
	}
}

// exitCase is a case of a serve loop's select that leaves the loop.
type exitCase struct {
	sel   *ssa.Select
	state int
}

// exitCase returns the case of r's select that leaves the loop around it
// when r is a receive case of a blocking select in a loop, and another
// receive case, on a channel that can be sent on or closed, reaches a
// return without coming back to the select.
func (s *sourceTracer) exitCase(r *chanflow.Recv) (exitCase, bool) {
	sel, ok := r.Instr.(*ssa.Select)
	if !ok || !sel.Blocking || !ssaidiom.InLoop(sel.Block()) {
		return exitCase{}, false
	}
	for _, cs := range ssaidiom.SelectCases(sel) {
		if cs.Index < 0 || cs.Index == r.State || sel.States[cs.Index].Dir != types.RecvOnly {
			continue
		}
		if s.allDead(sel.States[cs.Index].Chan, neverSent) {
			continue // a stop channel nothing closes does not stop the loop
		}
		if returnsWithout(cs.Body, sel.Block()) {
			return exitCase{sel, cs.Index}, true
		}
	}
	return exitCase{}, false
}

// returnsWithout reports whether some path from b reaches a return
// without passing through the block avoid.
func returnsWithout(b, avoid *ssa.BasicBlock) bool {
	reach := ssaidiom.Reachable(b, func(x *ssa.BasicBlock) []*ssa.BasicBlock {
		if x == avoid {
			return nil
		}
		return x.Succs
	})
	for x := range reach {
		if x == avoid || len(x.Instrs) == 0 {
			continue
		}
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
			return true
		}
	}
	return false
}

// reportServedAfterStop reports snd when it is a send statement in an
// exported method (which may be called after the serve loop left) that
// sends only on channels like ch, and does not itself stop the loop.
func (c *checker) reportServedAfterStop(s *sourceTracer, ch *chanflow.Channel, snd *chanflow.Send, exits []exitCase, served map[*chanflow.Channel][]exitCase, done map[ssa.Instruction]bool) {
	send, ok := snd.Instr.(*ssa.Send)
	if !ok || done[send] || (snd.Go != nil && c.reported[snd.Go]) {
		return
	}
	fn := send.Parent()
	obj := ssaidiom.Object(fn)
	if fn.Signature.Recv() == nil || obj == nil || !obj.Exported() {
		return
	}
	for _, e := range exits {
		if e.sel.Parent() == fn {
			return
		}
	}
	if !s.allDead(send.Chan, func(other *chanflow.Channel) bool { return served[other] != nil }) {
		return
	}
	done[send] = true
	e := exits[0]
	name := c.src.ChanText(send.Chan.Pos(), "")
	if name == "" {
		name = c.src.ChanText(send.Pos(), "the channel")
	}
	stop := c.src.ChanText(e.sel.States[e.state].Pos, "its other case")
	loop := ssaidiom.FuncNameOf(e.sel.Parent(), c.pass.Pkg)
	c.diags = append(c.diags, analysis.Diagnostic{
		Pos:      send.Pos(),
		Category: "servedafterstop",
		Message:  fmt.Sprintf("blocks forever sending on %s once %s has returned on <-%s: no other code receives from %s", name, loop, stop, name),
		Related: []analysis.RelatedInformation{
			{Pos: e.sel.States[e.state].Pos, Message: loop + " returns here and receives from " + name + " no more"},
			makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)),
		},
	})
}
