package goroutineexit

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/interleave"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// The bounds of the counterparts model: beyond them a group is unknown,
// and unknown means silence.
const (
	maxProcs      = 6    // the maker and the goroutines it starts
	maxGroupChans = 4    // channels made by one function
	maxProcBlocks = 300  // blocks of one process's function
	maxStates     = 4096 // states explored per group
)

// A cpGroup is the channels made by one function that counterparts judges,
// and the processes that touch them: the maker and the goroutines started,
// directly or through a helper, by it or by one another.
type cpGroup struct {
	chans []*chanflow.Channel
	procs []*cpProc
}

// A cpProc is one process of a group.
type cpProc struct {
	fn      *ssa.Function
	g       *ssa.Go         // nil for the maker
	spawnAt ssa.Instruction // in the spawner's function: g, or the call of the helper holding g
	spawner *cpProc
	ops     map[ssa.Instruction][]cpOp
	// via maps a call of a helper that does one operation on the group
	// to that operation.
	via map[ssa.Instruction]ssa.Instruction
}

// A cpOp is an operation of a process on a channel of the group.
type cpOp struct {
	ch    int
	state int // select case, or -1
	kind  int // int(interleave.SendCase), int(interleave.RecvCase), or 2 for a close
	arm   bool
}

const closeOp = 2

// counterparts judges, for each function that makes channels, the
// interleavings of the processes that touch them: see doc.go.
func (c *checker) counterparts() {
	var parents []*ssa.Function
	byParent := map[*ssa.Function][]*chanflow.Channel{}
	for _, ch := range c.flow.Channels {
		if !cpJudged(ch) {
			continue
		}
		p := ch.Make.Parent()
		if byParent[p] == nil {
			parents = append(parents, p)
		}
		byParent[p] = append(byParent[p], ch)
	}
	at := map[int]bool{}
	for _, d := range c.diags {
		at[int(d.Pos)] = true
	}
	for _, p := range parents {
		chans := byParent[p]
		if len(chans) > maxGroupChans {
			continue
		}
		if g := c.groupOf(p, chans); g != nil {
			c.judgeGroup(g, at)
			continue
		}
		// One channel that cannot be modelled keeps the others from
		// being judged together; alone, each may be (the operations on
		// the others are then of unknown effect).
		for _, ch := range chans {
			if g := c.groupOf(p, []*chanflow.Channel{ch}); g != nil && len(chans) > 1 {
				c.judgeGroup(g, at)
			}
		}
	}
}

// cpJudged reports whether ch can be modelled exactly: everything done
// with it is known, its capacity is a constant, and it is made once per
// run of its maker. One-sided channels are oneSided's.
func cpJudged(ch *chanflow.Channel) bool {
	if ch.Escaped || ch.ProcessLifetime || ch.Returned || ch.RecvOnlyOut {
		return false
	}
	if ch.Owner() != chanflow.GoroutineExit && !closedRanges(ch) {
		return false
	}
	if _, ok := capacity(ch.Make); !ok || inLoop(ch.Make) {
		return false
	}
	for _, r := range ch.Ranges {
		if r.Recv == nil {
			return false
		}
	}
	released := len(ch.Sends)+len(ch.Closes) > 0
	received := len(ch.Recvs)+len(ch.Ranges) > 0
	return released && received
}

// groupOf returns the group of the channels chans made by parent, or nil
// when one of their operations or one of the goroutines doing them cannot
// be modelled.
func (c *checker) groupOf(parent *ssa.Function, chans []*chanflow.Channel) *cpGroup {
	g := &cpGroup{chans: chans}
	maker := &cpProc{fn: parent, ops: map[ssa.Instruction][]cpOp{}}
	g.procs = append(g.procs, maker)
	byGo := map[*ssa.Go]*cpProc{}
	procOf := func(goStmt *ssa.Go) *cpProc {
		if goStmt == nil {
			return maker
		}
		if p := byGo[goStmt]; p != nil {
			return p
		}
		body := ssaidiom.GoroutineFunc(goStmt)
		if body == nil {
			return nil
		}
		p := &cpProc{fn: body, g: goStmt, ops: map[ssa.Instruction][]cpOp{}}
		byGo[goStmt] = p
		g.procs = append(g.procs, p)
		return p
	}
	add := func(goStmt *ssa.Go, instr ssa.Instruction, op cpOp) bool {
		if goStmt == nil && instr.Parent() != parent {
			// Reached through a field or a variable rather than through
			// the go statement: the goroutine body's one go statement.
			if sites := c.flow.GoSites(instr.Parent()); len(sites) == 1 && c.onlyStarted(instr.Parent()) {
				goStmt = sites[0]
			}
		}
		p := procOf(goStmt)
		if p == nil {
			return false
		}
		if instr.Parent() == p.fn {
			p.ops[instr] = append(p.ops[instr], op)
			return true
		}
		// In a helper the process calls: the operation happens at the
		// call, when the helper does it once on every path.
		call := c.helperCall(p.fn, instr)
		if call == nil || len(p.ops[call]) > 0 {
			return false
		}
		p.ops[call] = []cpOp{op}
		if p.via == nil {
			p.via = map[ssa.Instruction]ssa.Instruction{}
		}
		p.via[call] = instr
		return true
	}
	for i, ch := range chans {
		for _, s := range ch.Sends {
			if !opInstr(s.Instr) || !add(s.Go, s.Instr, cpOp{ch: i, state: s.State, kind: int(interleave.SendCase)}) {
				return nil
			}
		}
		for _, r := range ch.Recvs {
			if !opInstr(r.Instr) || !add(r.Go, r.Instr, cpOp{ch: i, state: r.State, kind: int(interleave.RecvCase)}) {
				return nil
			}
		}
		for _, r := range ch.Ranges {
			if !add(r.Go, r.Recv, cpOp{ch: i, state: -1, kind: int(interleave.RecvCase)}) {
				return nil
			}
		}
		for _, cl := range ch.Closes {
			arm := false
			switch cl.Instr.(type) {
			case *ssa.Call:
			case *ssa.Defer:
				arm = true
			default:
				return nil
			}
			if b, ok := cl.Instr.Common().Value.(*ssa.Builtin); !ok || b.Name() != "close" {
				return nil // a function of another package closes it
			}
			if !add(cl.Go, cl.Instr, cpOp{ch: i, state: -1, kind: closeOp, arm: arm}) {
				return nil
			}
		}
	}
	if len(g.procs) < 2 || len(g.procs) > maxProcs {
		return nil
	}
	for _, p := range g.procs {
		if c.reported[p.g] || len(p.fn.Blocks) > maxProcBlocks || len(p.fn.Blocks) == 0 {
			return nil
		}
		if p.g != nil && !c.spawnerOf(g, p) {
			return nil
		}
		for instr, ops := range p.ops {
			if len(ops) > 1 && !isSelect(instr) {
				return nil // one operation on two channels of the group: a phi
			}
		}
	}
	return g
}

func isSelect(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Select)
	return ok
}

// onlyStarted reports whether fn runs only as a goroutine: it is called
// nowhere, and a function literal is used only by its go statement.
func (c *checker) onlyStarted(fn *ssa.Function) bool {
	if len(c.callsOf(fn)) > 0 {
		return false
	}
	if fn.Parent() == nil {
		return true
	}
	mc := ssaidiom.ClosureOf(fn)
	if mc == nil {
		return len(fn.FreeVars) == 0 // a literal used as a value: called above, or started
	}
	refs := mc.Referrers()
	if refs == nil || len(*refs) != 1 {
		return false
	}
	_, ok := (*refs)[0].(*ssa.Go)
	return ok
}

// helperCall returns the one call in fn of the named function of the
// package that holds instr, when that is the helper's only call in the
// package, it runs once (outside loops), and instr, a plain send, receive
// or close outside loops, runs on every path through the helper.
func (c *checker) helperCall(fn *ssa.Function, instr ssa.Instruction) *ssa.Call {
	h := instr.Parent()
	if h.Parent() != nil || inLoop(instr) || !ssaidiom.DominatesReturns(instr.Block()) {
		return nil
	}
	switch instr := instr.(type) {
	case *ssa.Send:
	case *ssa.UnOp:
		if instr.CommaOk {
			return nil
		}
	case *ssa.Call:
	default:
		return nil
	}
	calls := c.callsOf(h)
	if len(calls) != 1 || calls[0].Parent() != fn || inLoop(calls[0]) {
		return nil
	}
	return calls[0]
}

// opInstr reports whether instr is a send, receive or select statement,
// not a call handing the channel to another package.
func opInstr(instr ssa.Instruction) bool {
	switch instr.(type) {
	case *ssa.Send, *ssa.UnOp, *ssa.Select:
		return true
	}
	return false
}

// spawnerOf finds the process that starts p, once: the process whose
// function holds p's go statement outside loops, or the one that calls,
// once and outside loops, the named helper of the package holding it as
// its only go statement.
func (c *checker) spawnerOf(g *cpGroup, p *cpProc) bool {
	fn := p.g.Parent()
	if inLoop(p.g) {
		return false
	}
	var by []*cpProc
	for _, q := range g.procs {
		if q.fn == fn {
			by = append(by, q)
		}
	}
	if len(by) > 1 {
		return false // which of them starts it is unknown
	}
	if len(by) == 1 {
		p.spawner, p.spawnAt = by[0], p.g
		return by[0] != p
	}
	// A helper that starts the goroutine.
	if fn.Parent() != nil || goStmts(fn) != 1 {
		return false
	}
	for _, q := range g.procs {
		for _, b := range q.fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().StaticCallee() != fn {
					continue
				}
				if _, plain := call.(*ssa.Call); !plain || inLoop(call) || p.spawner != nil {
					return false
				}
				p.spawner, p.spawnAt = q, call
			}
		}
	}
	return p.spawner != nil && p.spawner != p
}

// goStmts counts the go statements of fn.
func goStmts(fn *ssa.Function) int {
	n := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Go); ok {
				n++
			}
		}
	}
	return n
}

// children returns the processes p starts, by the instruction that starts
// each.
func (g *cpGroup) children(p *cpProc) map[ssa.Instruction]int {
	m := map[ssa.Instruction]int{}
	for i, q := range g.procs {
		if q.spawner == p {
			m[q.spawnAt] = i
		}
	}
	return m
}

// orderChildrenFirst returns the indices of g's processes with every
// process after those it starts.
func (g *cpGroup) orderChildrenFirst() []int {
	var order []int
	done := map[int]bool{}
	var visit func(i int)
	visit = func(i int) {
		if done[i] {
			return
		}
		done[i] = true
		for j, q := range g.procs {
			if q.spawner == g.procs[i] {
				visit(j)
			}
		}
		order = append(order, i)
	}
	for i := range g.procs {
		visit(i)
	}
	return order
}

// chanName names channel i of the group as made.
func (c *checker) chanName(g *cpGroup, i int) string {
	return c.src.MadeName(g.chans[i].Make.Pos(), "the channel")
}

// sharedCallees returns the callees whose results branches of more than
// one process of g test.
func sharedCallees(g *cpGroup) map[string]bool {
	by := map[string]int{}
	shared := map[string]bool{}
	for i, p := range g.procs {
		for _, b := range p.fn.Blocks {
			iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			keys, _ := callCond(iff.Cond, 0)
			for _, k := range keys {
				if j, seen := by[k]; seen && j != i {
					shared[k] = true
				}
				by[k] = i
			}
		}
	}
	return shared
}

// judgeGroup builds the model of g, explores it, and reports a process
// stuck forever.
func (c *checker) judgeGroup(g *cpGroup, at map[int]bool) {
	shared := sharedCallees(g)
	models := make([]*procModel, len(g.procs))
	touch := func(j int) interleave.Bits { return models[j].reach[g.procs[j].fn.Blocks[0]] }
	for _, i := range g.orderChildrenFirst() {
		p := g.procs[i]
		m := &procModel{g: g, p: p, children: g.children(p), shared: shared, childTouch: touch}
		if !m.build() {
			return
		}
		models[i] = m
	}
	mod := &interleave.Model{MaxStates: maxStates}
	for i, m := range models {
		mod.Procs = append(mod.Procs, interleave.Proc{Points: m.points, Entry: m.entryPt, Started: i == 0})
	}
	for _, ch := range g.chans {
		k, _ := capacity(ch.Make)
		mod.Caps = append(mod.Caps, k)
	}
	st, _ := interleave.Explore(mod)
	if st == nil {
		return
	}
	others := st.Others
	c.reportStuck(g, models, st, at)
	for _, j := range others {
		// A deadlock: each goroutine waiting forever is a leak of its own.
		st.Proc, st.Point = j, st.Pos[j]
		c.reportStuck(g, models, st, at)
	}
}

// origin follows v, a value of process p's function, back through the
// parameters and free variables bound by the go statement or closure that
// starts it, at most depth times, to the value the spawner computed.
func (g *cpGroup) origin(p *cpProc, v ssa.Value, depth int) ssa.Value {
	for ; depth > 0 && p != nil; depth-- {
		switch x := v.(type) {
		case *ssa.Parameter:
			if p.g == nil || p.g.Call.StaticCallee() != p.fn {
				return v
			}
			i := slices.Index(p.fn.Params, x)
			if i < 0 || i >= len(p.g.Call.Args) {
				return v
			}
			v = p.g.Call.Args[i]
		case *ssa.FreeVar:
			mc := ssaidiom.ClosureOf(p.fn)
			i := slices.Index(p.fn.FreeVars, x)
			if mc == nil || i < 0 || i >= len(mc.Bindings) {
				return v
			}
			v = mc.Bindings[i]
			if _, isAlloc := v.(*ssa.Alloc); isAlloc {
				return v // a variable, which may be assigned anew
			}
		default:
			return v
		}
		if p.spawnAt != p.g {
			return v // started by a helper: its parameters are another story
		}
		p = p.spawner
		if p != nil && v.Parent() != p.fn {
			return v
		}
	}
	return v
}
