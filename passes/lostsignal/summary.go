package lostsignal

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/valueflow"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// summary is what the results of one function of this package are to the
// goroutines it starts.
type summary struct {
	pkg        *valueflow.Package
	chans      *chanflow.Result
	rangeclose *rangecloseFindings

	fact *Handles
	// gos holds, for each result that is a handle, the go statements that
	// start the goroutines dropping it abandons.
	gos [][]*ssa.Go
	// makes holds, for each channel result, its make.
	makes []*ssa.MakeChan
	// sends holds, for each SendOnce result, the goroutine's send.
	sends []*ssa.Send
	// must holds, for each unbuffered channel result, the number of
	// values its goroutines send on every run, at least.
	must []int64
}

// mustSends returns the number of values that the goroutines behind
// result i send on every run, at least, when it is an unbuffered channel
// made in this package (s is nil for another package's function).
func (s *summary) mustSends(i int) int64 {
	if s == nil {
		return 0
	}
	return s.must[i]
}

// goStmts returns the go statements of result i, known only for a
// function of this package (s is nil for another package's).
func (s *summary) goStmts(i int) []*ssa.Go {
	if s == nil {
		return nil
	}
	return s.gos[i]
}

// summaryOf returns the summary of fn, a function of this package, or nil
// when none of its results is a handle.
func (c *checker) summaryOf(fn *ssa.Function) *summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	c.sums[fn] = nil // recursion guard
	if ssaidiom.TooBig(fn) {
		return nil // beyond the size budget: unknown
	}
	s := c.summarize(fn)
	c.sums[fn] = s
	return s
}

func (c *checker) summarize(fn *ssa.Function) *summary {
	n := fn.Signature.Results().Len()
	if n == 0 || len(fn.Blocks) == 0 || !c.hasGo || !mayHandle(fn.Signature.Results()) {
		return nil
	}
	s := &summary{
		pkg:        c.vf,
		chans:      c.flow,
		rangeclose: c.rangeclose,
		fact:       &Handles{Results: make([]Kind, n)},
		gos:        make([][]*ssa.Go, n),
		makes:      make([]*ssa.MakeChan, n),
		sends:      make([]*ssa.Send, n),
		must:       make([]int64, n),
	}
	for i, o := range returnOrigins(fn, n) {
		switch o := o.(type) {
		case *ssa.MakeChan:
			s.chanResult(fn, i, o)
		case *ssa.MakeClosure:
			s.stopClosure(fn, i, o)
		case *ssa.Extract:
			if ctx := backgroundContext(o); ctx != nil {
				s.stopCancel(fn, i, o, ctx, nil)
			}
		}
	}
	if !s.fact.any() {
		return nil
	}
	return s
}

// mayHandle reports whether some result is a channel or a function.
func mayHandle(results *types.Tuple) bool {
	for v := range results.Variables() {
		switch v.Type().Underlying().(type) {
		case *types.Chan, *types.Signature:
			return true
		}
	}
	return false
}

// returnOrigins returns, for each result of fn, the value every return
// statement returns there (ignoring nils), or nil when they differ or the
// value cannot be traced.
func returnOrigins(fn *ssa.Function, n int) []ssa.Value {
	origins := make([]ssa.Value, n)
	conflict := make([]bool, n)
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != n {
			continue
		}
		for i, v := range ret.Results {
			o := origin(v)
			if ssaidiom.IsNilConst(o) {
				continue
			}
			if origins[i] != nil && origins[i] != o {
				conflict[i] = true
			}
			origins[i] = o
		}
	}
	for i := range origins {
		if conflict[i] {
			origins[i] = nil
		}
	}
	return origins
}

// origin returns the value v was made from, looking through conversions
// and local variables that are assigned once.
func origin(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MultiConvert:
			v = x.X
		case *ssa.UnOp:
			stored := storedValue(x.X)
			if stored == nil {
				return v
			}
			v = stored
		case *ssa.Alloc:
			stored := storedValue(x)
			if stored == nil {
				return v
			}
			v = stored
		default:
			return v
		}
	}
	return v
}

// storedValue returns the one non-nil value stored in the local variable
// p, or nil.
func storedValue(p ssa.Value) ssa.Value {
	alloc, ok := p.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var val ssa.Value
	for _, instr := range *alloc.Referrers() {
		st, ok := instr.(*ssa.Store)
		if !ok || st.Addr != alloc || ssaidiom.IsNilConst(st.Val) {
			continue
		}
		if val != nil && val != st.Val {
			return nil
		}
		val = st.Val
	}
	return val
}

// chanResult classifies result i of fn, the channel made by mk, from
// chanflow's record of mk.
func (s *summary) chanResult(fn *ssa.Function, i int, mk *ssa.MakeChan) {
	m := nearLife(fn, s.chans.ChannelOf(mk))
	if !m.modelled || m.selectSend || len(m.recvs) > 0 || len(m.sends) == 0 || len(m.stopFns) > 0 ||
		m.closes[starter]+m.closes[stopper] > 0 || slices.ContainsFunc(m.returned, func(j int) bool { return j != i }) ||
		s.rangeclose.ownsAny(m.roots) {
		return
	}
	size, ok := ssaidiom.ConstInt(mk.Size)
	if !ok || (size > 0 && mustSends(m) <= size) {
		return // the sends fit in the buffer: they cannot block
	}
	s.fact.Results[i] = SendMany
	if size == 0 {
		s.must[i] = mustSends(m)
	}
	switch {
	case size == 0 && sendsOnce(m):
		s.fact.Results[i] = SendOnce
		s.sends[i] = m.sends[0]
	case size == 0 && sendsAgain(m):
		s.fact.Results[i] = SendStream
	}
	s.makes[i] = mk
	for _, root := range sortedRoots(m.roots) {
		s.gos[i] = append(s.gos[i], m.roots[root]...)
	}
}

// mustSends counts the sends that every run of a goroutine performs: those
// that lie on no cycle and dominate every return of the goroutine's
// function.
func mustSends(m *made) int64 {
	var n int64
	for _, s := range m.sends {
		fn := s.Parent()
		if _, ok := m.roots[fn]; ok && !ssaidiom.InLoop(s.Block()) && ssaidiom.DominatesReturns(s.Block()) {
			n++
		}
	}
	return n
}

// sendsOnce reports whether one goroutine, started once, sends exactly one
// value: one receive then releases it.
func sendsOnce(m *made) bool {
	if len(m.sends) != 1 || len(m.roots) != 1 {
		return false
	}
	send := m.sends[0]
	gos, ok := m.roots[send.Parent()]
	return ok && len(gos) == 1 && !ssaidiom.InLoop(gos[0].Block()) && !ssaidiom.InLoop(send.Block())
}

// sendsAgain reports whether, after any one value is received, another
// may be sent: a send in a goroutine's own body reaches a send again (in
// a loop, or in sequence), or two goroutines each send on every path.
func sendsAgain(m *made) bool {
	must := 0
	for _, s := range m.sends {
		gos, ok := m.roots[s.Parent()]
		if !ok {
			continue
		}
		if sendReachesSend(s, m.sends) {
			return true
		}
		if ssaidiom.DominatesReturns(s.Block()) {
			for _, g := range gos {
				if ssaidiom.InLoop(g.Block()) {
					return true
				}
				must++
			}
		}
	}
	return must >= 2
}

// sendReachesSend reports whether a path from just after s reaches one
// of sends in s's function (s itself again, around a loop).
func sendReachesSend(s *ssa.Send, sends []*ssa.Send) bool {
	b := s.Block()
	for _, t := range sends {
		if t.Block() == b && ssaidiom.IndexOf(t) > ssaidiom.IndexOf(s) {
			return true
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	for _, succ := range b.Succs {
		for r := range ssaidiom.Reachable(succ, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }) {
			seen[r] = true
		}
	}
	for _, t := range sends {
		if t.Parent() == s.Parent() && seen[t.Block()] {
			return true
		}
	}
	return false
}

// stopClosure classifies result i of fn, the closure made by mc: it is a
// stop function if calling it is the only way to end a goroutine fn starts,
// by closing a channel or cancelling a context that goroutine waits for.
func (s *summary) stopClosure(fn *ssa.Function, i int, mc *ssa.MakeClosure) {
	stopFn := mc.Fn.(*ssa.Function)
	for _, b := range mc.Bindings {
		switch o := origin(b).(type) {
		case *ssa.MakeChan:
			s.stopChan(fn, i, o, stopFn)
		case *ssa.Extract:
			if ctx := backgroundContext(o); ctx != nil {
				s.stopCancel(fn, i, o, ctx, stopFn)
			}
		}
	}
}

// stopChan classifies the channel mk, which the stop function stopFn
// (returned as result i) may close, from chanflow's record of mk.
func (s *summary) stopChan(fn *ssa.Function, i int, mk *ssa.MakeChan, stopFn *ssa.Function) {
	m := nearLife(fn, s.chans.ChannelOf(mk))
	if j, ok := m.stopFns[stopFn]; !m.modelled || !ok || j != i || len(m.returned) > 0 ||
		len(m.sends) > 0 || m.selectSend || m.closes[starter]+m.closes[goroutine] > 0 || m.closes[stopper] == 0 {
		return
	}
	s.setStop(i, abandoned(m.roots, s.rangeclose, m.waits))
}

// stopCancel classifies cancel, the cancel function of ctx, a context
// derived from context.Background: result i of fn is cancel itself (when
// stopFn is nil) or stopFn, a closure calling it.
func (s *summary) stopCancel(fn *ssa.Function, i int, cancel, ctx ssa.Value, stopFn *ssa.Function) {
	f := follow(s.pkg, fn, cancel, false)
	if f.Escaped() || f.calls[starter]+f.calls[goroutine] > 0 {
		return
	}
	if stopFn == nil {
		if len(f.returned) == 0 || slices.ContainsFunc(f.returned, func(j int) bool { return j != i }) || len(f.stopFns) > 0 {
			return
		}
	} else if j, ok := f.stopFns[stopFn]; !ok || j != i || f.calls[stopper] == 0 || len(f.returned) > 0 {
		return
	}
	done := follow(s.pkg, fn, ctx, true)
	if done.Escaped() {
		return
	}
	s.setStop(i, abandoned(done.roots, s.rangeclose, done.waits))
}

func (s *summary) setStop(i int, gos []*ssa.Go) {
	if len(gos) == 0 {
		return
	}
	s.fact.Results[i] = Stop
	s.gos[i] = append(s.gos[i], gos...)
}

// backgroundContext returns the context of a context.WithCancel (or
// WithCancelCause) call on context.Background() or context.TODO(), when
// cancel is that call's cancel function. Only the cancel function can end
// such a context.
func backgroundContext(cancel *ssa.Extract) ssa.Value {
	call, ok := cancel.Tuple.(*ssa.Call)
	if !ok || cancel.Index != 1 || !isFunc(call.Call.StaticCallee(), "context", "WithCancel", "WithCancelCause") {
		return nil
	}
	parent, ok := call.Call.Args[0].(*ssa.Call)
	if !ok || !isFunc(parent.Call.StaticCallee(), "context", "Background", "TODO") {
		return nil
	}
	if ctx := ssaidiom.Results(call, 0); len(ctx) > 0 {
		return ctx[0]
	}
	return nil
}

// isFunc reports whether fn is the package-level function pkg.name for
// one of names.
func isFunc(fn *ssa.Function, pkg string, names ...string) bool {
	if fn == nil || fn.Signature.Recv() != nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == pkg && slices.Contains(names, obj.Name())
}

// abandoned returns the go statements starting goroutines (of roots)
// that can end only after receiving from the value (a channel that nobody
// sends on, or a context's Done channel): once it is never closed, they
// run forever. waits gives the receives from the value in a goroutine's
// function. Goroutines that rangeclose reports never end anyway, and are
// left out.
func abandoned(roots map[*ssa.Function][]*ssa.Go, rf *rangecloseFindings, waits func(root *ssa.Function) stops) []*ssa.Go {
	var gos []*ssa.Go
	for _, root := range sortedRoots(roots) {
		if rf.funcs[root] {
			continue
		}
		st := waits(root)
		if st.instr == nil && len(st.edges) == 0 {
			continue
		}
		if st.instr == nil {
			st.instr = func(ssa.Instruction) bool { return false }
		}
		if exitFrom(root, nil, st) == nil {
			gos = append(gos, roots[root]...)
		}
	}
	return gos
}

// waits returns the receives from the value in root, a goroutine's
// function, as stops: plain receives and the edges into the select cases
// that receive from a value seen by the flow.
func (f *flow) waits(root *ssa.Function) stops {
	st := stops{edges: make(map[edge]bool)}
	instrs := make(map[ssa.Instruction]bool)
	for _, r := range f.recvs {
		if r.Parent() != root {
			continue
		}
		if sel, ok := r.(*ssa.Select); ok {
			for k, state := range sel.States {
				if state.Dir == types.RecvOnly && f.Seen(state.Chan, goroutine) {
					if e, ok := selectCaseEdge(sel, k); ok {
						st.edges[e] = true
					}
				}
			}
			continue
		}
		instrs[r] = true
	}
	if len(instrs) > 0 {
		st.instr = func(instr ssa.Instruction) bool { return instrs[instr] }
	}
	return st
}

// waits returns the receives from the channel in root, a goroutine's
// function, as stops.
func (m *made) waits(root *ssa.Function) stops {
	st := stops{edges: make(map[edge]bool)}
	instrs := make(map[ssa.Instruction]bool)
	for _, r := range m.recvs {
		if r.Instr.Parent() != root {
			continue
		}
		if sel, ok := r.Instr.(*ssa.Select); ok {
			if e, ok := selectCaseEdge(sel, r.State); ok {
				st.edges[e] = true
			}
			continue
		}
		instrs[r.Instr] = true
	}
	if len(instrs) > 0 {
		st.instr = func(instr ssa.Instruction) bool { return instrs[instr] }
	}
	return st
}

// selectCaseEdge returns the edge into the body of the k-th case of sel
// (taken when the select chose that case), if it can be found.
func selectCaseEdge(sel *ssa.Select, k int) (edge, bool) {
	c, ok := ssaidiom.SelectCase(sel, k)
	if !ok {
		return edge{}, false
	}
	from, to := c.Edge()
	return edge{from, to}, true
}

// sortedRoots returns the goroutine functions of roots in source order.
func sortedRoots(roots map[*ssa.Function][]*ssa.Go) []*ssa.Function {
	fns := make([]*ssa.Function, 0, len(roots))
	for fn := range roots {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	return fns
}
