package goroutineexit

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// addCountedRecv counts recv, a receive of the maker in a counted loop
// "for i := 0; i < n; i++ { v := <-ch ... }" (or "for range n"), once per
// iteration, and leaving the loop through its test as receiving
// everything: that holds only when the senders send exactly n values,
// which countsMatch checks. An early return or break leaves after the
// values received so far. It reports false when recv is no such receive:
// a loop that may skip the receive and go on (a select case counts when
// every iteration that goes on has taken it), a loop nested in another or
// holding another receive.
func (t *tally) addCountedRecv(recv ssa.Instruction, state int) bool {
	var body *ssa.BasicBlock // where an iteration has received
	switch recv := recv.(type) {
	case *ssa.UnOp:
		if recv.Op != token.ARROW {
			return false
		}
		body = recv.Block()
	case *ssa.Select:
		// A receive case, whose body only that case enters (go/ssa
		// merges empty bodies into the block after the select).
		cs, ok := ssaidiom.SelectCase(recv, state)
		if !ok || cs.Body == nil || len(cs.Body.Preds) != 1 {
			return false
		}
		body = cs.Body
	default:
		return false
	}
	l := countedLoopAround(recv.Block())
	if l == nil || reentered(l.head) {
		return false
	}
	for _, p := range l.head.Preds {
		if l.blocks[p] && !body.Dominates(p) {
			return false // an iteration may go on without receiving
		}
	}
	if t.Edge(l.exits[0][0], l.exits[0][1]) > 0 {
		return false // two receives in one loop
	}
	if !t.add(recv, state, 1) {
		return false
	}
	for _, e := range l.exits {
		t.AddEdge(e[0], e[1], closeWeight)
	}
	t.counted = append(t.counted, l)
	return true
}

// A countedLoop is a loop that runs n times, "for i := 0; i < n; i++"
// or a range over a slice, an array, a string or an integer, as go/ssa
// lowers them: either a guard "i < n" heads the loop, or (a range over
// an integer) the test "0 < n" enters it and "i+1 < n" at its end goes
// round again.
type countedLoop struct {
	n      ssa.Value
	head   *ssa.BasicBlock // the block the back edges enter
	blocks map[*ssa.BasicBlock]bool
	// exits are the edges out of the loop taken when i reaches n (or n is
	// not positive).
	exits [][2]*ssa.BasicBlock
}

// countedLoopAround returns the innermost counted loop around b, or nil
// when there is none or b is in a loop nested in it.
func countedLoopAround(b *ssa.BasicBlock) *countedLoop {
	for d := b; d != nil; d = d.Idom() {
		l := guardedLoop(d)
		if l == nil {
			l = rotatedLoop(d)
		}
		if l == nil {
			continue
		}
		if ssaidiom.InLoopAvoiding(b, l.head) {
			return nil // a nested loop
		}
		return l
	}
	return nil
}

// guardedLoop returns the loop when d is the first block of the body of
// a loop headed by "i < n" (see countedGuard).
func guardedLoop(d *ssa.BasicBlock) *countedLoop {
	n, guard := countedGuard(d)
	if guard == nil {
		return nil
	}
	return &countedLoop{n: n, head: guard, blocks: ssaidiom.Cycle(guard), exits: [][2]*ssa.BasicBlock{{guard, guard.Succs[1]}}}
}

// rotatedLoop returns the loop when d heads a range over an integer as
// go/ssa lowers it: entered only from "0 < n" and from the end of its
// body, "i+1 < n", where i is a phi of d.
func rotatedLoop(d *ssa.BasicBlock) *countedLoop {
	if len(d.Preds) != 2 {
		return nil
	}
	loop := ssaidiom.Cycle(d)
	if loop == nil {
		return nil
	}
	pre, latch := d.Preds[0], d.Preds[1]
	if loop[pre] {
		pre, latch = latch, pre
	}
	if loop[pre] || !loop[latch] {
		return nil
	}
	n := lessThan(latch, d)
	if n == nil || !inductionOf(n.X, d) {
		return nil
	}
	entry := lessThan(pre, d)
	if entry == nil || entry.Y != n.Y || latch.Succs[1] != pre.Succs[1] {
		return nil
	}
	if k, ok := ssaidiom.ConstInt(entry.X); !ok || k != 0 {
		return nil
	}
	return &countedLoop{n: n.Y, head: d, blocks: loop, exits: [][2]*ssa.BasicBlock{{latch, latch.Succs[1]}, {pre, pre.Succs[1]}}}
}

// lessThan returns the comparison "x < y" that b ends branching on, to
// d when true, or nil.
func lessThan(b, d *ssa.BasicBlock) *ssa.BinOp {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || b.Succs[0] != d {
		return nil
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS {
		return nil
	}
	return cmp
}

// passesEveryIteration reports whether the loop leaves only through its
// count's exits, and every iteration that comes back to its head passes
// instr: a send then sends once per iteration, as many values as the
// loop runs times; a go statement starts as many goroutines. (A panic
// leaves the loop too, and then nothing blocks.)
func (l *countedLoop) passesEveryIteration(instr ssa.Instruction) bool {
	for b := range l.blocks {
		for _, s := range b.Succs {
			if !l.blocks[s] && !l.isExit(b, s) {
				return false // a break or a return
			}
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
	}
	for _, p := range l.head.Preds {
		if l.blocks[p] && !instr.Block().Dominates(p) {
			return false // an iteration that goes on before instr
		}
	}
	return true
}

func (l *countedLoop) isExit(from, to *ssa.BasicBlock) bool {
	for _, e := range l.exits {
		if e[0] == from && e[1] == to {
			return true
		}
	}
	return false
}

// A sendCount is the exact number of values the goroutines of one go
// statement send: n (a value the loops are bounded by), and trip when it
// is a constant, or -1.
type sendCount struct {
	n    ssa.Value
	trip int
}

// senderCount returns how many values the goroutines s send in all, when
// that is exact: goroutines started one per iteration of a counted loop
// that starts one on every iteration, each sending exactly one value on
// every path; or one goroutine whose one send is in a counted loop that
// sends on every iteration. It returns nil otherwise.
func (c *checker) senderCount(s *senders) *sendCount {
	switch {
	case s.many:
		if !sendsOnceOnEveryPath(s) {
			return nil
		}
		l := countedLoopAround(s.start.Block())
		if l == nil || reentered(l.head) || !l.passesEveryIteration(s.start) {
			return nil
		}
		return newSendCount(l.n)
	case s.loop != nil:
		l := countedLoopAround(s.sends[0].Block())
		if l == nil || reentered(l.head) || !l.passesEveryIteration(s.sends[0]) {
			return nil
		}
		return newSendCount(l.n)
	}
	return nil
}

func newSendCount(n ssa.Value) *sendCount {
	if k, ok := tripCount(n); ok {
		return &sendCount{n: n, trip: k}
	}
	return &sendCount{n: n, trip: -1}
}

// sendsOnceOnEveryPath reports whether each goroutine of s sends exactly
// one value: its body has one send statement, outside loops, on every
// path to its returns.
func sendsOnceOnEveryPath(s *senders) bool {
	if s.fn == nil || len(s.sends) != 1 {
		return false
	}
	send, ok := s.sends[0].(*ssa.Send)
	return ok && send.Parent() == s.fn && !inLoop(send) && ssaidiom.DominatesReturns(send.Block())
}

// allSendOnceOnEveryPath reports whether the goroutines of every go
// statement of order send exactly one value each.
func allSendOnceOnEveryPath(order []*senders) bool {
	for _, s := range order {
		if !sendsOnceOnEveryPath(s) {
			return false
		}
	}
	return true
}

// countsMatch reports whether every counted receive loop of t runs as
// many times as the senders send values, count: the same n, or the same
// constant.
func (t *tally) countsMatch(count *sendCount) bool {
	for _, l := range t.counted {
		n := l.n
		if count == nil {
			return false
		}
		if count.n != nil && sameCount(n, count.n) {
			continue
		}
		if k, ok := tripCount(n); ok && k == count.trip {
			continue
		}
		return false
	}
	return true
}

// receivesWhileStarting reports whether start, where the goroutines are
// started, is in one of the counted receive loops of t: each iteration
// then starts one and receives one, and leaving early abandons none.
func (t *tally) receivesWhileStarting(start ssa.Instruction) bool {
	for _, l := range t.counted {
		if l.blocks[start.Block()] {
			return true
		}
	}
	return false
}

// symbolicCap is a capacity that is not a constant: base - short, for a
// constant short >= 0.
type symbolicCap struct {
	base  ssa.Value
	short int
}

// symbolicCapacity returns the capacity size as base - short, or nil when
// it is a constant.
func symbolicCapacity(size ssa.Value) *symbolicCap {
	if _, ok := ssaidiom.ConstInt(size); ok {
		return nil
	}
	for {
		cv, ok := size.(*ssa.Convert)
		if !ok {
			break
		}
		size = cv.X
	}
	if sub, ok := size.(*ssa.BinOp); ok && sub.Op == token.SUB {
		if d, ok := ssaidiom.ConstInt(sub.Y); ok && d > 0 && d <= 1<<20 {
			return &symbolicCap{base: sub.X, short: int(d)}
		}
	}
	return &symbolicCap{base: size}
}

// sameCount reports whether a and b are provably the same number: the
// same value, or len of the same value whose length is fixed, seeing
// through variables assigned once (see countValue).
func sameCount(a, b ssa.Value) bool {
	a, b = countValue(a), countValue(b)
	if a == b {
		return true
	}
	xa, xb := ssaidiom.LenArg(a), ssaidiom.LenArg(b)
	return xa != nil && xb != nil && countValue(xa) == countValue(xb)
}

// countValue returns the value v is: when v loads a local variable (also
// through a closure's free variable) that is stored once, in the block
// that declares it, and only loaded otherwise (a parameter or a local
// captured by a closure), the value stored; v itself otherwise.
func countValue(v ssa.Value) ssa.Value {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return v
	}
	cell := ssaidiom.CellOf(u.X)
	if cell == nil || cell.Referrers() == nil {
		return v
	}
	var init *ssa.Store
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != cell || init != nil || r.Block() != cell.Block() {
				return v
			}
			init = r
		default:
			if !onlyLoads(cell, r, 0) {
				return v
			}
		}
	}
	if init == nil {
		return v
	}
	return init.Val
}

// onlyLoads reports whether r, a referrer of the variable p, only reads
// it: a load, a debug reference, or a closure whose free variable for p
// is only loaded in turn.
func onlyLoads(p ssa.Value, r ssa.Instruction, depth int) bool {
	switch r := r.(type) {
	case *ssa.UnOp:
		return r.Op == token.MUL
	case *ssa.DebugRef:
		return true
	case *ssa.MakeClosure:
		fn, ok := r.Fn.(*ssa.Function)
		if !ok || depth > 4 {
			return false
		}
		for i, b := range r.Bindings {
			if b != p {
				continue
			}
			if i >= len(fn.FreeVars) || fn.FreeVars[i].Referrers() == nil {
				return false
			}
			for _, fr := range *fn.FreeVars[i].Referrers() {
				if !onlyLoads(fn.FreeVars[i], fr, depth+1) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// symbolicSenders judges the goroutines s against a capacity that is the
// number of values they send, less short: on a path that receives fewer
// than short values, the last ones block forever. It reports whether the
// capacity was comparable (and the case is decided).
func (c *checker) symbolicSenders(ch *chanflow.Channel, s *senders, count *sendCount, p *ssaidiom.Path, ours map[*ssa.Select]map[int]bool) bool {
	sym := symbolicCapacity(ch.Make.Size)
	if sym == nil || count == nil || !sameCount(sym.base, count.n) {
		return false
	}
	if p.Cost >= closeWeight || p.Cost >= sym.short {
		return true // room for every value not received
	}
	at := s.sends[0]
	name := c.src.ChanText(at.Pos(), "the channel")
	capText := "its buffer"
	if call := c.src.Call(ch.Make.Pos()); call != nil && len(call.Args) == 2 {
		capText = "its buffer of " + analysisutil.ExprText(call.Args[1], "")
	}
	fewer := fmt.Sprintf("%d value%s fewer than", sym.short, plural(sym.short, "", "s"))
	why, pos := c.giveUp(p, ours, fmt.Sprintf("at most %d value%s received", p.Cost, plural(p.Cost, " is", "s are")), at.Pos())
	var msg string
	if s.many {
		msg = fmt.Sprintf("goroutines started in a loop block forever sending on %s: %s holds %s the goroutines send, and %s", name, capText, fewer, why)
	} else {
		msg = fmt.Sprintf("goroutine blocks forever sending on %s in a loop: %s holds %s the loop sends, and %s", name, capText, fewer, why)
	}
	d := analysis.Diagnostic{Pos: at.Pos(), Category: "forgottensender", Message: msg}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	if pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: "here the function stops receiving from " + name})
	}
	c.report(s.g, d)
	return true
}
