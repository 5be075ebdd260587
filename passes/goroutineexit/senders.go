package goroutineexit

import (
	"fmt"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// senders describes the goroutines that send on one channel: those started
// by one go statement, each sending a bounded number of values.
type senders struct {
	g *ssa.Go
	// start is where the parent starts the goroutines: g itself, or the
	// one call of the helper of this package that holds g.
	start ssa.Instruction
	fn    *ssa.Function     // the goroutine's function, nil when in another package
	sends []ssa.Instruction // in fn, or the go statement itself for another package
	// perGoroutine is the most values one goroutine can send: 1 or 2 (two
	// or more).
	perGoroutine int
	// many is set when the go statement is in a loop.
	many bool
	// loop is the counted loop around the goroutine's one send, if any.
	// perGoroutine is then its trip count, or 0 when that is only known
	// at run time (unbounded).
	loop *sendLoop
}

// forgottenSender reports goroutines that block forever sending on ch
// because, on some path of the function that started them, fewer values
// are received than are sent beyond the channel's capacity.
func (c *checker) forgottenSender(ch *chanflow.Channel) {
	if len(ch.Sends) == 0 {
		return
	}
	k, _, constant := c.capacityAt(ch.Make)
	if !constant && symbolicCapacity(ch.Make.Size) == nil {
		return
	}
	parent := ch.Make.Parent()
	it := iterationOf(ch)
	s := c.sendersOf(ch, parent, it)
	if s == nil {
		if constant {
			c.siblingSenders(ch, parent, it, k)
		}
		return
	}
	if c.reported[s.g] || ch.Closed && !closedOnlyBy(ch, s) {
		return
	}
	t, ok := c.receiveWeights(ch, parent, it)
	if !ok || !addRanges(t, ch, parent) {
		return
	}
	count := c.senderCount(s)
	if !t.countsMatch(count) || t.receivesWhileStarting(s.start) {
		return // a counted receive loop that may not take every value
	}
	if t.drains && (s.loop == nil || s.loop.trip >= 0) {
		// A loop that receives until some value may be stopping at the
		// last one of a known count (a sentinel): the cheapest path,
		// which leaves after the first, may never be taken. Only a
		// count known at run time alone is judged against it.
		return
	}
	p := ssaidiom.CheapestExit(s.start, t.After(s.start), t.Edge, it.ends())
	if p == nil {
		return // the parent never returns: it is not the one giving up
	}
	if p = c.uncorrelatedExit(ch, s, t, it, p); p == nil {
		return // every path that gives up may be one on which nothing is sent
	}
	if c.symbolicSenders(ch, s, count, p, t.ours) || !constant {
		return
	}
	if s.loop != nil && s.loop.trip < 0 {
		// As many values as the loop runs, known only at run time: any
		// path that stops receiving after a bounded number leaves the
		// sender blocked once the loop runs longer than that and the
		// buffer. A range that ends has drained the channel.
		if p.Cost >= closeWeight {
			return
		}
		c.reportSenders(ch, s, p, t.ours, k)
		return
	}
	sent := s.perGoroutine
	switch {
	case s.many && count != nil && count.trip >= 0:
		sent = count.trip // a constant number of goroutines, one value each
	case s.many:
		sent *= 2 // at least two goroutines
	}
	if sent <= p.Cost+k {
		return
	}
	c.reportSenders(ch, s, p, t.ours, k)
}

// closedOnlyBy reports whether every close of ch is done by the one
// goroutine that sends on it: a goroutine blocked in a send cannot run its
// own close, deferred or not, so the close releases nothing that the
// count of sends and receives has to allow for. (With several goroutines
// from one go statement, one's close would make another's blocked send
// panic: not a leak, and not this check's to judge.)
func closedOnlyBy(ch *chanflow.Channel, s *senders) bool {
	if s.many || len(ch.Closes) == 0 {
		return false
	}
	for _, cl := range ch.Closes {
		if cl.Go != s.g {
			return false
		}
	}
	return true
}

// sendersOf returns the goroutines that send on ch, when they are all
// started by one go statement in parent and each sends a bounded number of
// values, and nil otherwise.
func (c *checker) sendersOf(ch *chanflow.Channel, parent *ssa.Function, it iteration) *senders {
	s := &senders{}
	for _, snd := range ch.Sends {
		g := snd.Go
		if g == nil || (s.g != nil && g != s.g) {
			return nil
		}
		s.g = g
		s.sends = append(s.sends, snd.Instr)
	}
	if s.g == nil {
		return nil
	}
	s.start = s.g
	if s.g.Parent() != parent {
		call := c.startingCall(ch, parent, s.g)
		if call == nil {
			return nil
		}
		s.start = call
	}
	return c.sized(ch, s, it)
}

// sized completes s, the go statement and the sends of its goroutines,
// with how many values each goroutine sends; it returns nil when that is
// unknown.
func (c *checker) sized(ch *chanflow.Channel, s *senders, it iteration) *senders {
	if s.start == nil {
		s.start = s.g
	}
	s.many = it.repeats(s.start)
	s.fn = ssaidiom.GoroutineFunc(s.g)

	// A goroutine body in another package: the go statement itself hands
	// the channel over, and the callee's summary says how often it sends.
	if len(s.sends) == 1 && s.sends[0] == ssa.Instruction(s.g) {
		if !c.sendsOnce(s.g, ch) {
			return nil
		}
		s.fn = nil
		s.perGoroutine = 1
		return s
	}
	if s.fn == nil {
		return nil
	}
	if len(s.sends) == 1 && s.sends[0].Parent() == s.fn && inLoop(s.sends[0]) {
		s.loop = sendLoopOf(s.sends[0])
		if s.loop == nil {
			return nil
		}
		s.perGoroutine = max(s.loop.trip, 0)
		return s
	}
	sends, ok := c.countedSends(s.fn, s.sends, ch)
	if !ok {
		return nil
	}
	s.sends = sends
	s.perGoroutine = max(1, chainedSends(s.sends))
	if s.perGoroutine == 1 && onOnePath(s.sends) {
		s.perGoroutine = 2
	}
	return s
}

// startingCall returns the one call in parent, outside loops, of the
// helper of this package that holds g, when the helper is a named
// function (not a closure, which may run anywhere) handed ch by that call
// and g is the helper's only go statement, outside loops. The parent
// then starts the goroutine at that call.
func (c *checker) startingCall(ch *chanflow.Channel, parent *ssa.Function, g *ssa.Go) ssa.CallInstruction {
	h := g.Parent()
	if h.Parent() != nil || h == parent || inLoop(g) {
		return nil
	}
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			if other, ok := instr.(*ssa.Go); ok && other != g {
				return nil
			}
		}
	}
	calls := callsPassing(parent, h, ch)
	if len(calls) != 1 || inLoop(calls[0]) {
		return nil
	}
	if _, ok := calls[0].(*ssa.Call); !ok {
		return nil // a go or defer of the helper
	}
	return calls[0]
}

// countedSends returns the instructions of the goroutine's body that send
// on ch: its own send statements, and its calls of functions of this
// package that send exactly once on the channel they are passed. It fails
// when a send is in a loop or reached in another way.
func (c *checker) countedSends(body *ssa.Function, sends []ssa.Instruction, ch *chanflow.Channel) ([]ssa.Instruction, bool) {
	var counted []ssa.Instruction
	helpers := map[*ssa.Function]bool{}
	for _, instr := range sends {
		if instr.Parent() != body {
			helpers[instr.Parent()] = true
			continue
		}
		if _, ok := instr.(*ssa.Send); !ok || inLoop(instr) {
			return nil, false
		}
		counted = append(counted, instr)
	}
	for h := range helpers {
		call := c.onlyCall(body, h, ch)
		if call == nil {
			return nil, false
		}
		counted = append(counted, call)
	}
	sort.Slice(counted, func(i, j int) bool { return counted[i].Pos() < counted[j].Pos() })
	return counted, true
}

// onlyCall returns the one call in body, outside loops, of h, passing ch
// to a parameter on which h sends exactly once and does nothing else.
func (c *checker) onlyCall(body, h *ssa.Function, ch *chanflow.Channel) ssa.CallInstruction {
	var found ssa.CallInstruction
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || call.Common().StaticCallee() != h {
				continue
			}
			if found != nil || inLoop(call) {
				return nil
			}
			for i, a := range call.Common().Args {
				if ch.Aliases[a] && c.flow.LocalUse(h, i) != chanflow.Sends|chanflow.SendsOnce {
					return nil
				}
			}
			found = call
		}
	}
	return found
}

// helperSend returns the send statement on ch in h.
func helperSend(h *ssa.Function, ch *chanflow.Channel) ssa.Instruction {
	for _, snd := range ch.Sends {
		if snd.Instr.Parent() == h {
			return snd.Instr
		}
	}
	return nil
}

// sendsOnce reports whether the function that g starts is in another
// package and, by its summary, sends at most one value on ch.
func (c *checker) sendsOnce(g *ssa.Go, ch *chanflow.Channel) bool {
	fn := g.Call.StaticCallee()
	if fn == nil {
		return false
	}
	for i, a := range g.Call.Args {
		if ch.Aliases[a] {
			u := c.flow.ForeignUse(fn, i)
			if u&chanflow.SendsOnce == 0 || u&^(chanflow.Sends|chanflow.SendsOnce) != 0 {
				return false
			}
		}
	}
	return true
}

// chainedSends returns the most sends that all run before one of them on
// every path to it: the number of values a run that reaches that send has
// sent (straight-line code sends each one).
func chainedSends(sends []ssa.Instruction) int {
	most := 0
	for _, a := range sends {
		n := 1
		for _, b := range sends {
			if a != b && ssaidiom.RunsBefore(b, a) {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}

// ordinal spells n as "second", "third", or "5th".
func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// onOnePath reports whether two of the sends can happen one after the
// other in one run of their function.
func onOnePath(sends []ssa.Instruction) bool {
	for i, a := range sends {
		reach := ssaidiom.Reachable(a.Block(), ssaidiom.Succs)
		for j, b := range sends {
			if i == j {
				continue
			}
			if a.Block() == b.Block() || (reach[b.Block()] && a.Block() != b.Block()) {
				return true
			}
		}
	}
	return false
}

// tally counts the operations on a channel that release its goroutines
// (receives, or sends and closes) as path weights, and records the select
// cases that perform them.
type tally struct {
	*ssaidiom.Weights
	ours map[*ssa.Select]map[int]bool
	// drains is set when a receive that heads a loop is counted once per
	// iteration (see drainLoop).
	drains bool
	// counted holds the bounds n of the counted loops "i < n" that
	// receive once per iteration (see addCountedRecv): leaving such a
	// loop through its test counts as receiving everything, which holds
	// only when the senders send n values (see countsMatch).
	counted []*countedLoop
}

func newTally() *tally {
	return &tally{Weights: ssaidiom.NewWeights(), ours: make(map[*ssa.Select]map[int]bool)}
}

// add counts n operations at instr, or on entering the body of its case
// state when it is a select. It reports false when that body cannot be
// found.
func (t *tally) add(instr ssa.Instruction, state, n int) bool {
	sel, ok := instr.(*ssa.Select)
	if !ok {
		t.Add(instr, n)
		return true
	}
	if t.ours[sel] == nil {
		t.ours[sel] = make(map[int]bool)
	}
	t.ours[sel][state] = true
	return t.AddCase(sel, state, n)
}

// receiveWeights returns the receives from ch in parent as path weights,
// and the select cases that receive from it. A call of a helper of this
// package that always receives a known number of values counts as those
// receives. It fails when a receive happens elsewhere or in a way whose
// count is unknown: in a loop, in another goroutine, or through another
// kind of call.
func (c *checker) receiveWeights(ch *chanflow.Channel, parent *ssa.Function, it iteration) (*tally, bool) {
	t := newTally()
	helpers := map[*ssa.Function][]ssa.Instruction{}
	for _, r := range ch.Recvs {
		if r.Go == nil && r.Instr.Parent() == parent && it.repeats(r.Instr) {
			// A loop that receives until the channel is closed and may
			// leave early: count one receive per iteration, and the
			// drained channel on the way out once it is closed.
			branch, notOk := drainLoop(r.Instr)
			if branch == nil {
				if !t.addCountedRecv(r.Instr, r.State) {
					return nil, false
				}
				continue
			}
			t.Add(r.Instr, 1)
			t.AddEdge(branch, notOk, closeWeight)
			t.drains = true
			continue
		}
		if r.Go != nil || r.Instr.Parent() != parent && inLoop(r.Instr) {
			return nil, false
		}
		if r.Instr.Parent() != parent {
			helpers[r.Instr.Parent()] = append(helpers[r.Instr.Parent()], r.Instr)
			continue
		}
		switch r.Instr.(type) {
		case *ssa.UnOp, *ssa.Select:
			if !t.add(r.Instr, r.State, 1) {
				return nil, false
			}
		default:
			return nil, false // a call: the count is unknown
		}
	}
	for h, recvs := range helpers {
		n := alwaysReceives(h, recvs, ch)
		if n <= 0 {
			return nil, false
		}
		calls := callsPassing(parent, h, ch)
		if len(calls) == 0 {
			return nil, false // reached some other way
		}
		for _, call := range calls {
			if it.repeats(call) {
				return nil, false
			}
			t.Add(call, n)
		}
	}
	return t, true
}

// alwaysReceives returns how many values h receives from ch on every run,
// when recvs, its receives, are plain receives outside loops that each
// run before every return of h and h does nothing else with ch; and 0
// otherwise.
func alwaysReceives(h *ssa.Function, recvs []ssa.Instruction, ch *chanflow.Channel) int {
	for _, s := range ch.Sends {
		if s.Instr.Parent() == h {
			return 0
		}
	}
	for _, cl := range ch.Closes {
		if cl.Instr.Parent() == h {
			return 0
		}
	}
	for _, r := range recvs {
		if _, ok := r.(*ssa.UnOp); !ok {
			return 0
		}
		if !ssaidiom.DominatesReturns(r.Block()) {
			return 0
		}
	}
	return len(recvs)
}

// callsPassing returns the calls in fn of the function h with an alias of
// ch among their arguments.
func callsPassing(fn, h *ssa.Function, ch *chanflow.Channel) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || call.Common().StaticCallee() != h {
				continue
			}
			for _, a := range call.Common().Args {
				if ch.Aliases[a] {
					calls = append(calls, call)
					break
				}
			}
		}
	}
	return calls
}

// reportSenders reports the blocked send of the goroutines s.
func (c *checker) reportSenders(ch *chanflow.Channel, s *senders, p *ssaidiom.Path, ours map[*ssa.Select]map[int]bool, k int) {
	at := s.sends[len(s.sends)-1]
	var via ssa.CallInstruction
	if call, ok := at.(ssa.CallInstruction); ok && s.fn != nil {
		// A helper of this package sends: report at its send.
		via = call
		at = helperSend(call.Common().StaticCallee(), ch)
	}
	name := c.src.ChanText(at.Pos(), "")
	if name == "" {
		name = c.src.MadeName(ch.Make.Pos(), "the channel")
		if id := c.chanArg(s.g, ch); id != "" {
			name = id
		}
	}
	var msg string
	var fix *analysis.SuggestedFix
	switch {
	case s.loop != nil && s.loop.trip < 0:
		why, _ := c.giveUp(p, ours, fmt.Sprintf("at most %d value%s received from %s", p.Cost, plural(p.Cost, " is", "s are"), name), at.Pos())
		msg = fmt.Sprintf("goroutine blocks forever sending on %s in a loop: %s, and %s has %s, so a loop that runs more than %d time%s blocks on its send",
			name, why, name, capacityWords(k), p.Cost+k, plural(p.Cost+k, "", "s"))
	case s.loop != nil:
		msg = fmt.Sprintf("goroutine blocks forever sending on %s in a loop: the loop sends %d value%s, at most %d %s received and %s has %s",
			name, s.perGoroutine, plural(s.perGoroutine, "", "s"), p.Cost, plural(p.Cost, "is", "are"), name, capacityWords(k))
	case s.many:
		msg = fmt.Sprintf("goroutines started in a loop block forever sending on %s: at most %d value%s received and %s has %s, so every goroutine beyond that blocks on this send",
			name, p.Cost, plural(p.Cost, " is", "s are"), name, capacityWords(k))
		fix = c.loopCapacityFix(ch, s)
	case s.perGoroutine > 1:
		msg = fmt.Sprintf("goroutine blocks forever on a %s send on %s: at most %d value%s received and %s has %s",
			ordinal(p.Cost+k+1), name, p.Cost, plural(p.Cost, " is", "s are"), name, capacityWords(k))
	default:
		why, _ := c.giveUp(p, ours, "nothing receives from "+name, at.Pos())
		msg = fmt.Sprintf("goroutine blocks forever sending on %s: %s", name, why)
		if k == 0 {
			fix = c.bufferFix(ch, "1")
		}
	}
	if s.fn == nil {
		msg = fmt.Sprintf("%s in %s", msg, c.funcText(s.g))
	}
	d := analysis.Diagnostic{Pos: at.Pos(), Category: "forgottensender", Message: msg}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	if via != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: via.Pos(), Message: "the goroutine calls " + via.Common().StaticCallee().Name() + " here"})
	}
	if _, pos := c.giveUp(p, ours, "", at.Pos()); pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: "here the function stops receiving from " + name})
	}
	if _, call, _ := c.capacityAt(ch.Make); call != nil {
		// The capacity is the caller's: a fix at the make would change
		// every caller's.
		fix = nil
		d.Message += fmt.Sprintf(", when %s is called with a buffer of %d at %s", call.Call.StaticCallee().Name(), k, c.src.Where(call.Pos(), at.Pos()))
		d.Related = append(d.Related, capacityCallRelated(call, k))
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.report(s.g, d)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func capacityWords(k int) string {
	if k == 0 {
		return "no buffer"
	}
	return fmt.Sprintf("a buffer of %d", k)
}

// funcText names the function a go statement starts.
func (c *checker) funcText(g *ssa.Go) string {
	if fn := g.Call.StaticCallee(); fn != nil {
		return ssaidiom.FuncNameOf(fn, c.pass.Pkg)
	}
	return "the goroutine started at " + c.src.Where(g.Pos(), g.Pos())
}

// chanArg names the channel as passed in the go statement g.
func (c *checker) chanArg(g *ssa.Go, ch *chanflow.Channel) string {
	call := c.src.Call(g.Pos())
	if call == nil {
		return ""
	}
	off := len(g.Call.Args) - len(call.Args)
	for i, a := range g.Call.Args {
		if ch.Aliases[a] && i-off >= 0 && i-off < len(call.Args) {
			return analysisutil.ExprText(call.Args[i-off], "")
		}
	}
	return ""
}
