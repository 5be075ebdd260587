package goroutineexit

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/interleave"
	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// procModel reduces one process's function to the points of the
// counterparts model: its operations on the group's channels, the go
// statements that start other processes of the group, its returns, and
// the operations on other channels (a context's Done, a timer: the
// environment; anything else: an opaque future).
//
// Between two points the branches are resolved once, before the search,
// as a game between the process and data the model does not see. A
// branch the process may take either way, as far as any schedule goes,
// is a choice: a select's cases (decided by the channels, which the
// model has), an "if err != nil" on the result of a call (a call may
// fail on any run), and the test that enters a counted loop once more
// when its count is known only at run time (a loop over xs may run as
// often as xs is long). Every other branch
// tests data (a parameter, a value received, the length of a slice) that
// another process may test too, or that a value it sent decides: the
// process cannot be steered through it. From a position, the process can
// be brought to a point when it can choose its way there and every
// data branch on the way leads there both ways (an attractor). When no
// point can be reached that way, its future is opaque: it may still do
// anything it can reach, and it never counts as having given up.
type procModel struct {
	g        *cpGroup
	p        *cpProc
	children map[ssa.Instruction]int
	// touch returns what the process i of the group may do from its
	// start, once built.
	childTouch func(int) interleave.Bits
	// shared holds the callees whose results more than one process of
	// the group tests: the same condition, tested twice, is data.
	shared map[string]bool

	pointOf map[ssa.Instruction]int
	points  []interleave.Point
	instrs  []ssa.Instruction
	entry   map[*ssa.BasicBlock]outcome
	reach   map[*ssa.BasicBlock]interleave.Bits
	opaque  map[interleave.Bits]int
	ifs     map[*ssa.If]branchKind
	entryPt int
	// caseStates maps the cases of each select point to the index of
	// their state in the select (-1 for the default case).
	caseStates map[int][]int
	// failed is set when a select's cases cannot all be found.
	failed bool
}

// An outcome is the set of points a process can be brought to, sorted;
// top marks a position from which every path panics (no leak to find
// there, and no continuation to choose).
type outcome struct {
	pts []int
	top bool
}

func (a outcome) union(b outcome) outcome {
	if a.top {
		return b
	}
	if b.top {
		return a
	}
	pts := slices.Clone(a.pts)
	for _, x := range b.pts {
		if !slices.Contains(pts, x) {
			pts = append(pts, x)
		}
	}
	slices.Sort(pts)
	return outcome{pts: pts}
}

// inter is the outcome of a branch the process cannot steer: the points
// both ways lead to. Two returns are one outcome: with no point between
// the branch and either, the process returns both ways (the first is
// named).
func (a outcome) inter(b outcome, isReturn func(int) bool) outcome {
	if a.top {
		return b
	}
	if b.top {
		return a
	}
	var pts []int
	for _, x := range a.pts {
		if slices.Contains(b.pts, x) {
			pts = append(pts, x)
		}
	}
	ra, rb := slices.IndexFunc(a.pts, isReturn), slices.IndexFunc(b.pts, isReturn)
	if ra >= 0 && rb >= 0 && !slices.ContainsFunc(pts, isReturn) {
		pts = append(pts, a.pts[ra])
		slices.Sort(pts)
	}
	return outcome{pts: pts}
}

func (a outcome) equal(b outcome) bool { return a.top == b.top && slices.Equal(a.pts, b.pts) }

type branchKind int

const (
	dataBranch   branchKind = iota
	choiceBranch            // either way, on any run
	loopBranch              // a counted loop: may always enter its body once more
)

// build computes the points of the process; it reports false when the
// function cannot be reduced within the bounds.
func (m *procModel) build() bool {
	m.pointOf = map[ssa.Instruction]int{}
	m.opaque = map[interleave.Bits]int{}
	fn := m.p.fn
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if k, ok := m.pointKind(instr); ok {
				m.pointOf[instr] = len(m.points)
				m.points = append(m.points, interleave.Point{Kind: k})
				m.instrs = append(m.instrs, instr)
			}
		}
	}
	if len(m.points) > 4*maxProcBlocks {
		return false
	}
	m.computeReach()
	m.classifyIfs()
	if !m.computeEntry() {
		return false
	}
	for i := range len(m.instrs) {
		m.fill(i)
	}
	if m.failed {
		return false
	}
	b0 := fn.Blocks[0]
	m.entryPt = len(m.points)
	m.points = append(m.points, interleave.Point{Kind: interleave.Goto, Next: m.resolve(m.entry[b0], m.reach[b0]), Touch: m.reach[b0]})
	m.instrs = append(m.instrs, nil)
	return true
}

// pointKind says whether instr is a point, and of which kind.
func (m *procModel) pointKind(instr ssa.Instruction) (interleave.Kind, bool) {
	if ops := m.p.ops[instr]; len(ops) > 0 {
		switch {
		case ops[0].arm:
			return interleave.Arm, true
		case ops[0].kind == closeOp:
			return interleave.Close, true
		}
		return interleave.Op, true
	}
	if _, ok := m.children[instr]; ok {
		return interleave.Spawn, true
	}
	switch instr := instr.(type) {
	case *ssa.Return:
		return interleave.Return, true
	case *ssa.UnOp:
		if instr.Op != token.ARROW {
			return 0, false
		}
		if m.envChan(instr.X) == unknownChan {
			return interleave.Opaque, true
		}
		return interleave.Op, true
	case *ssa.Send:
		return interleave.Opaque, true
	case *ssa.Select:
		return interleave.Op, true
	case *ssa.Call:
		if ssaidiom.IsGoexit(instr) {
			return interleave.Return, true
		}
		if waitsOnSync(instr.Common()) {
			// An order the model does not see (a WaitGroup, a lock):
			// what follows may wait for the other processes.
			return interleave.Opaque, true
		}
	}
	return 0, false
}

// waitsOnSync reports whether call waits for other goroutines in a way
// the model does not follow: a Wait method (a WaitGroup, a Cond, an
// errgroup, a command), or taking a lock of package sync.
func waitsOnSync(call *ssa.CallCommon) bool {
	var name string
	var pkg string
	switch {
	case call.IsInvoke():
		name = call.Method.Name()
		if call.Method.Pkg() != nil {
			pkg = call.Method.Pkg().Path()
		}
	case call.StaticCallee() != nil:
		fn := call.StaticCallee()
		if fn.Signature.Recv() == nil {
			return false
		}
		name = fn.Name()
		if fn.Pkg != nil {
			pkg = fn.Pkg.Pkg.Path()
		}
	default:
		return false
	}
	return name == "Wait" || pkg == "sync" && (name == "Lock" || name == "RLock")
}

// neverReturns reports whether instr is a call that ends the process or
// the goroutine abnormally: os.Exit, log.Fatal and log.Panic, and the
// functions that stop a failed test (testing's Fatal and FailNow,
// testify's require.Fail and FailNow): no leak is judged past a failure.
func neverReturns(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Pkg == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg.Pkg.Path() {
	case "os":
		return name == "Exit"
	case "log":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	case "testing":
		return strings.HasPrefix(name, "Fatal") || name == "FailNow" || strings.HasPrefix(name, "Skip")
	case "github.com/stretchr/testify/require":
		// Fail and FailNow end the test through t.FailNow.
		return strings.HasPrefix(name, "Fail")
	}
	return false
}

// ownBits returns what the point instr itself does to the group's
// channels (for a go statement, what the goroutine may do).
func (m *procModel) ownBits(instr ssa.Instruction) interleave.Bits {
	var b interleave.Bits
	for _, op := range m.p.ops[instr] {
		b |= interleave.Bit(op.ch, op.kind)
	}
	if child, ok := m.children[instr]; ok {
		b |= m.childTouch(child)
	}
	return b
}

// ownAll returns what the process itself may do to the channels
// anywhere in its function, without the processes it starts.
func (m *procModel) ownAll() interleave.Bits {
	var b interleave.Bits
	for _, ops := range m.p.ops {
		for _, op := range ops {
			b |= interleave.Bit(op.ch, op.kind)
		}
	}
	return b
}

// computeReach computes, for each block, what the process may do to the
// channels from its entry on, on any path.
func (m *procModel) computeReach() {
	m.reach = map[*ssa.BasicBlock]interleave.Bits{}
	own := map[*ssa.BasicBlock]interleave.Bits{}
	for _, b := range m.p.fn.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := m.pointOf[instr]; ok {
				own[b] |= m.ownBits(instr)
			}
		}
		m.reach[b] = own[b]
	}
	for changed := true; changed; {
		changed = false
		for _, b := range m.p.fn.Blocks {
			r := m.reach[b]
			for _, s := range b.Succs {
				r |= m.reach[s]
			}
			if r != m.reach[b] {
				m.reach[b], changed = r, true
			}
		}
	}
}

// after returns what the process may do after instr, on any path.
func (m *procModel) after(instr ssa.Instruction) interleave.Bits {
	var r interleave.Bits
	for _, x := range ssaidiom.InstrsAfter(instr) {
		if _, ok := m.pointOf[x]; ok {
			r |= m.ownBits(x)
		}
	}
	for _, s := range instr.Block().Succs {
		r |= m.reach[s]
	}
	return r
}

// classifyIfs decides, for each branch of the function, whether the
// process may take it either way.
func (m *procModel) classifyIfs() {
	m.ifs = map[*ssa.If]branchKind{}
	for _, b := range m.p.fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if n, guard := countedGuard(b.Succs[0]); guard == b {
			if _, known := tripCount(n); !known {
				m.ifs[iff] = loopBranch
			}
			continue // a constant count is data: the loop stops there
		}
		if keys, ok := callCond(iff.Cond, 0); ok && len(keys) > 0 && !m.anyShared(keys) {
			m.ifs[iff] = choiceBranch
		}
	}
}

func (m *procModel) anyShared(keys []string) bool {
	for _, k := range keys {
		if m.shared[k] {
			return true
		}
	}
	return false
}

// computeEntry computes, as a least fixed point, the points the process
// can be brought to from the entry of each block. It reports false when
// the computation does not settle within its bound.
func (m *procModel) computeEntry() bool {
	m.entry = map[*ssa.BasicBlock]outcome{}
	blocks := m.p.fn.Blocks
	for range 4*len(blocks) + 8 {
		changed := false
		for _, b := range blocks {
			o := m.from(b, 0)
			if !o.equal(m.entry[b]) {
				m.entry[b], changed = o, true
			}
		}
		if !changed {
			return true
		}
	}
	return false
}

// from returns the outcome of the position at instruction i of b.
func (m *procModel) from(b *ssa.BasicBlock, i int) outcome {
	for _, instr := range b.Instrs[i:] {
		if pt, ok := m.pointOf[instr]; ok {
			return outcome{pts: []int{pt}}
		}
		if neverReturns(instr) {
			return outcome{top: true}
		}
	}
	switch last := b.Instrs[len(b.Instrs)-1].(type) {
	case *ssa.Jump:
		return m.entry[b.Succs[0]]
	case *ssa.If:
		yes, no := m.entry[b.Succs[0]], m.entry[b.Succs[1]]
		switch m.ifs[last] {
		case choiceBranch:
			return yes.union(no)
		case loopBranch:
			return yes
		}
		return yes.inter(no, m.isReturn)
	case *ssa.Panic:
		return outcome{top: true}
	}
	return outcome{}
}

// isReturn reports whether point pt is a return.
func (m *procModel) isReturn(pt int) bool { return m.points[pt].Kind == interleave.Return }

// resolve turns an outcome into the points to go on to: none when every
// path panics, an opaque point (doing what touch says) when no point can
// be reached by the process's own choices.
func (m *procModel) resolve(o outcome, touch interleave.Bits) []int {
	switch {
	case o.top:
		return nil
	case len(o.pts) > 0:
		return o.pts
	}
	if pt, ok := m.opaque[touch]; ok {
		return []int{pt}
	}
	pt := len(m.points)
	m.opaque[touch] = pt
	m.points = append(m.points, interleave.Point{Kind: interleave.Opaque, Touch: touch})
	m.instrs = append(m.instrs, nil)
	return []int{pt}
}

// next returns where the process goes on after instr, which ends
// nothing.
func (m *procModel) next(instr ssa.Instruction) []int {
	return m.resolve(m.from(instr.Block(), ssaidiom.IndexOf(instr)+1), m.after(instr))
}

// fill completes point i: its cases or its successors, and its Touch.
// (resolve may append opaque points: no pointer into m.points is held
// across it.)
func (m *procModel) fill(i int) {
	instr := m.instrs[i]
	touch := m.ownBits(instr) | m.after(instr)
	var next []int
	var cases []interleave.Case
	switch m.points[i].Kind {
	case interleave.Return:
		touch = 0
	case interleave.Opaque:
		touch = m.after(instr)
	case interleave.Close, interleave.Arm:
		m.points[i].Chan = m.p.ops[instr][0].ch
		next = m.next(instr)
	case interleave.Spawn:
		m.points[i].Child = m.children[instr]
		next = m.next(instr)
	case interleave.Op:
		cases = m.cases(i, instr)
	}
	m.points[i].Touch, m.points[i].Next, m.points[i].Cases = touch, next, cases
}

// cases returns the cases of the operation instr.
func (m *procModel) cases(pt int, instr ssa.Instruction) []interleave.Case {
	ops := m.p.ops[instr]
	switch instr := instr.(type) {
	case *ssa.Send:
		return []interleave.Case{{Kind: interleave.SendCase, Chan: ops[0].ch, Next: m.next(instr)}}
	case *ssa.UnOp:
		if len(ops) == 0 {
			switch m.envChan(instr.X) {
			case neverChan:
				return nil
			case afterMakerChan:
				return []interleave.Case{{Kind: interleave.AfterCase, After: 0, Next: m.next(instr)}}
			}
			return []interleave.Case{{Kind: interleave.EnvCase, Next: m.next(instr)}}
		}
		c := interleave.Case{Kind: interleave.RecvCase, Chan: ops[0].ch, Next: m.next(instr)}
		if branch, notOk := ssaidiom.OkBranch(instr); branch == instr.Block() && m.noPointAfter(instr) {
			c.Next, c.Closed = m.okSplit(branch, notOk)
		}
		return []interleave.Case{c}
	case *ssa.Select:
		return m.selectCases(pt, instr, ops)
	case *ssa.Call:
		// A helper that does the one operation.
		return []interleave.Case{{Kind: interleave.CaseKind(ops[0].kind), Chan: ops[0].ch, Next: m.next(instr)}}
	}
	return nil
}

// okSplit returns where a receive goes on with a value and when it finds
// the channel closed, its ok result deciding branch.
func (m *procModel) okSplit(branch, notOk *ssa.BasicBlock) (next, closed []int) {
	ok := branch.Succs[0]
	if ok == notOk {
		ok = branch.Succs[1]
	}
	return m.resolve(m.entry[ok], m.reach[ok]), m.resolve(m.entry[notOk], m.reach[notOk])
}

func (m *procModel) noPointAfter(instr ssa.Instruction) bool {
	for _, x := range ssaidiom.InstrsAfter(instr) {
		if _, ok := m.pointOf[x]; ok {
			return false
		}
	}
	return true
}

// selectCases returns the cases of sel: on the group's channels, on the
// environment (a case on a channel of unknown origin leads to an opaque
// future), and the default.
func (m *procModel) selectCases(pt int, sel *ssa.Select, ops []cpOp) []interleave.Case {
	var out []interleave.Case
	var states []int
	defer func() {
		if m.caseStates == nil {
			m.caseStates = map[int][]int{}
		}
		m.caseStates[pt] = states
	}()
	branch, notOk := ssaidiom.OkBranch(sel)
	all := ssaidiom.SelectCases(sel)
	want := len(sel.States)
	if !sel.Blocking {
		want++ // the default case
	}
	if len(all) != want {
		m.failed = true
		return nil
	}
	for _, sc := range all {
		body := sc.Body
		next := m.resolve(m.entry[body], m.reach[body])
		if sc.Index < 0 {
			out = append(out, interleave.Case{Kind: interleave.DefaultCase, Next: next})
			states = append(states, -1)
			continue
		}
		st := sel.States[sc.Index]
		var op *cpOp
		for i := range ops {
			if ops[i].state == sc.Index {
				op = &ops[i]
			}
		}
		switch {
		case op != nil:
			c := interleave.Case{Kind: interleave.CaseKind(op.kind), Chan: op.ch, Next: next}
			if op.kind == int(interleave.RecvCase) && branch == body && m.noPointIn(body) {
				c.Next, c.Closed = m.okSplit(branch, notOk)
			}
			out = append(out, c)
			states = append(states, sc.Index)
		case st.Dir == types.RecvOnly && m.envChan(st.Chan) == neverChan:
			// A case that never fires.
		case st.Dir == types.RecvOnly && m.envChan(st.Chan) == envChanKind:
			out = append(out, interleave.Case{Kind: interleave.EnvCase, Next: next})
			states = append(states, sc.Index)
		case st.Dir == types.RecvOnly && m.envChan(st.Chan) == afterMakerChan:
			out = append(out, interleave.Case{Kind: interleave.AfterCase, After: 0, Next: next})
			states = append(states, sc.Index)
		default:
			// A channel of unknown origin: the case may fire or never
			// fire, so taking it gives nothing up; the process may still
			// do what it could do waiting in the select.
			out = append(out, interleave.Case{Kind: interleave.EnvCase, Next: m.resolve(outcome{}, m.ownBits(sel)|m.after(sel))})
			states = append(states, -2) // no give-up to name
		}
	}
	return out
}

func (m *procModel) noPointIn(b *ssa.BasicBlock) bool {
	for _, x := range b.Instrs {
		if _, ok := m.pointOf[x]; ok {
			return false
		}
	}
	return true
}

// What a channel outside the group is to the model.
const (
	unknownChan    = iota // may be sent on or closed by anyone, at any time, or never
	envChanKind           // a context's Done, a timer's channel: fires at some time
	neverChan             // the Done of context.Background(): never fires
	afterMakerChan        // the Done of t.Context(): fires once the maker (the test) has returned
)

// envChan classifies v, a channel received from that is not in the group.
func (m *procModel) envChan(v ssa.Value) int {
	switch v := v.(type) {
	case *ssa.Call:
		common := v.Common()
		if fn := common.StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "time" &&
			(fn.Name() == "After" || fn.Name() == "Tick") && fn.Signature.Recv() == nil {
			return envChanKind
		}
		if !isContextDone(common) {
			return unknownChan
		}
		recv := common.Value
		if !common.IsInvoke() && len(common.Args) > 0 {
			recv = common.Args[0]
		}
		switch ctx := m.g.origin(m.p, recv, 3); {
		case quietContext(ctx):
			return neverChan
		case testContext(ctx):
			return afterMakerChan
		}
		return envChanKind
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if named := namedPointee(fa.X.Type()); named != nil && named.Obj().Pkg() != nil &&
				named.Obj().Pkg().Path() == "time" && (named.Obj().Name() == "Timer" || named.Obj().Name() == "Ticker") {
				return envChanKind
			}
		}
	}
	return unknownChan
}

// quietContext reports whether the context ctx is never done:
// context.Background() and TODO(), whose Done is nil.
func quietContext(ctx ssa.Value) bool {
	c, ok := ctx.(*ssa.Call)
	if !ok {
		return false
	}
	fn := c.Common().StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "context" && (fn.Name() == "Background" || fn.Name() == "TODO")
}

// testContext reports whether ctx is a test's t.Context(), which is
// cancelled once the test function has returned, and not before.
func testContext(ctx ssa.Value) bool {
	c, ok := ctx.(*ssa.Call)
	if !ok {
		return false
	}
	common := c.Common()
	if common.IsInvoke() {
		return common.Method.Name() == "Context" && common.Method.Pkg() != nil && common.Method.Pkg().Path() == "testing"
	}
	fn := common.StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "testing" && fn.Name() == "Context" && fn.Signature.Recv() != nil
}

// isContextDone reports whether call is the Done method of a
// context.Context.
func isContextDone(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		return call.Method.Name() == "Done" && isContextType(call.Value.Type())
	}
	fn := call.StaticCallee()
	return fn != nil && fn.Name() == "Done" && fn.Signature.Recv() != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "context"
}

func isContextType(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "context" && named.Obj().Name() == "Context"
}

func namedPointee(t types.Type) *types.Named {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	n, _ := types.Unalias(p.Elem()).(*types.Named)
	return n
}

// callCond decides whether the branch condition v tests the error a call
// returned: "err != nil", "err == nil", possibly negated. It returns the
// callee, by name, and false for anything else: a test of other data,
// even a call's (strings.HasPrefix(name, "x") is decided by name), and in
// particular of a call given a value received from a channel (a value
// sent may decide the branch: a sentinel).
func callCond(v ssa.Value, depth int) ([]string, bool) {
	if depth > 3 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.NOT {
			return callCond(v.X, depth+1)
		}
	case *ssa.BinOp:
		if v.Op != token.EQL && v.Op != token.NEQ {
			return nil, false
		}
		x, y := v.X, v.Y
		if ssaidiom.IsNilConst(x) {
			x, y = y, x
		}
		if !ssaidiom.IsNilConst(y) || !isErrorType(x.Type()) {
			return nil, false
		}
		switch x := x.(type) {
		case *ssa.Call:
			return callKey(x)
		case *ssa.Extract:
			if call, ok := x.Tuple.(*ssa.Call); ok {
				return callKey(call)
			}
		}
	}
	return nil, false
}

// isErrorType reports whether t is the error interface.
func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// callKey names the callee of call, when it is a function or a method
// and none of its arguments comes from a receive.
func callKey(call *ssa.Call) ([]string, bool) {
	common := call.Common()
	var key string
	switch {
	case common.IsInvoke():
		key = types.TypeString(common.Value.Type(), nil) + "." + common.Method.Name()
	case common.StaticCallee() != nil:
		fn := common.StaticCallee()
		if o := fn.Origin(); o != nil {
			fn = o
		}
		key = fn.String()
	default:
		return nil, false // a builtin (len, cap) or a func value
	}
	for _, a := range common.Args {
		if fromReceive(a, 0) {
			return nil, false
		}
	}
	return []string{key}, true
}

// fromReceive reports whether v may be computed from a value received
// from a channel; beyond its depth, it says so.
func fromReceive(v ssa.Value, depth int) bool {
	if depth > 5 {
		return true
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.ARROW {
			return true
		}
	case *ssa.Extract:
		switch v.Tuple.(type) {
		case *ssa.Select, *ssa.UnOp:
			return true
		}
	case *ssa.Const, *ssa.Function, *ssa.Global, *ssa.Parameter, *ssa.FreeVar, *ssa.Builtin, *ssa.Alloc:
		return false
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && fromReceive(*op, depth+1) {
			return true
		}
	}
	return false
}
