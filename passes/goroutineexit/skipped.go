package goroutineexit

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// skippedSignal reports the function that made ch blocking forever in a
// receive from ch because the one goroutine that sends on or closes ch
// can return without doing either: the child skips the signal its maker
// waits for, typically on an error path.
//
// It judges only what it can count: the maker's one plain receive, on
// every path from the go statement to the maker's returns (a select may
// give up, and a receive on some paths only may be correlated with the
// child's own condition); sends and closes all in the body of one
// goroutine started once by the maker, outside loops, none deferred (a
// deferred close runs on every path) and none through a helper whose
// paths are unknown. Receives by anyone else make the count unknown.
func (c *checker) skippedSignal(ch *chanflow.Channel) {
	parent := ch.Make.Parent()
	w := c.waitOf(ch, parent)
	if w == nil {
		return
	}
	g, body := signallerOf(ch, parent)
	if g == nil || c.reported[g] || inLoop(g) || !ssaidiom.RunsBefore(g, w.at) {
		return
	}
	if w.call != nil && len(callsPassing(body, w.recv.Parent(), ch)) > 0 {
		return // the goroutine waits through the helper too
	}
	// The maker waits on every path from the go statement to its returns.
	waits := newTally()
	waits.Add(w.at, 1)
	if p := ssaidiom.CheapestExit(g, waits.After(g), waits.Edge, nil); p == nil || p.Cost < 1 {
		return
	}
	// The child has a path to a return on which it neither sends nor
	// closes.
	signals := newTally()
	for _, s := range ch.Sends {
		if !signals.add(s.Instr, s.State, 1) {
			return
		}
	}
	for _, cl := range ch.Closes {
		signals.Add(cl.Instr, closeWeight)
	}
	entry := body.Blocks[0]
	p := ssaidiom.CheapestExit(entry.Instrs[0], signals.Block(entry), signals.Edge, nil)
	if p == nil || p.Cost > 0 {
		return
	}
	c.reportSkipped(ch, g, w, p)
}

// A makerWait is where the function that made a channel waits on it.
type makerWait struct {
	recv *ssa.UnOp // the one receive from the channel
	// call is the maker's one call of the helper of the package that
	// holds recv, or nil when recv is in the maker itself.
	call *ssa.Call
	at   ssa.Instruction // recv or call: where the maker waits
}

// waitOf returns the one receive from ch when it is a plain receive
// expression outside loops in parent itself, or in a named function of
// the package that receives from ch exactly once on every path (and does
// nothing else with it) and that parent calls once, outside loops, and
// nothing else calls with ch. It returns nil when ch is received from in
// any other way.
func (c *checker) waitOf(ch *chanflow.Channel, parent *ssa.Function) *makerWait {
	if len(ch.Recvs) != 1 || len(ch.Ranges) > 0 {
		return nil
	}
	r := ch.Recvs[0]
	u, ok := r.Instr.(*ssa.UnOp)
	if !ok || r.Go != nil || inLoop(u) {
		return nil
	}
	if u.Parent() == parent {
		return &makerWait{recv: u, at: u}
	}
	h := u.Parent()
	if h.Parent() != nil || alwaysReceives(h, []ssa.Instruction{u}, ch) != 1 {
		return nil
	}
	calls := callsPassing(parent, h, ch)
	if len(calls) != 1 || inLoop(calls[0]) {
		return nil
	}
	call, ok := calls[0].(*ssa.Call)
	if !ok {
		return nil // a go or defer of the helper
	}
	n := 0
	for _, other := range c.callsOf(h) {
		for _, a := range other.Call.Args {
			if ch.Aliases[a] {
				n++
				break
			}
		}
	}
	if n != 1 {
		return nil
	}
	return &makerWait{recv: u, call: call, at: call}
}

// signallerOf returns the go statement of parent whose goroutine does
// every send on ch and every close of ch, each directly in its body
// (outside loops, not deferred), and that body; or nil.
func signallerOf(ch *chanflow.Channel, parent *ssa.Function) (*ssa.Go, *ssa.Function) {
	var g *ssa.Go
	var instrs []ssa.Instruction
	for _, s := range ch.Sends {
		if _, ok := s.Instr.(*ssa.Go); ok {
			return nil, nil // sent by a function of another package
		}
		if s.Go == nil || (g != nil && s.Go != g) {
			return nil, nil
		}
		g = s.Go
		instrs = append(instrs, s.Instr)
	}
	for _, cl := range ch.Closes {
		if _, ok := cl.Instr.(*ssa.Call); !ok || cl.Go == nil || (g != nil && cl.Go != g) {
			return nil, nil // deferred, started, or in another goroutine
		}
		g = cl.Go
		instrs = append(instrs, cl.Instr)
	}
	if g == nil || g.Parent() != parent {
		return nil, nil
	}
	body := ssaidiom.GoroutineFunc(g)
	if body == nil || ssaidiom.TooBig(body) {
		return nil, nil
	}
	for _, instr := range instrs {
		if instr.Parent() != body || inLoop(instr) {
			return nil, nil
		}
	}
	return g, body
}

// reportSkipped reports the maker's wait w, blocked forever when the
// goroutine g takes the path p that skips the signal. It is reported at
// the receive, where the maker blocks: in the helper, for a wait through
// one, with the call related.
func (c *checker) reportSkipped(ch *chanflow.Channel, g *ssa.Go, w *makerWait, p *ssaidiom.Path) {
	recv := w.recv
	name := c.src.ChanText(recv.Pos(), "the channel")
	who := ssaidiom.FuncNameOf(w.at.Parent(), c.pass.Pkg) + " blocks forever"
	if w.call != nil {
		who += " in " + ssaidiom.FuncNameOf(recv.Parent(), c.pass.Pkg)
	}
	started := "the goroutine started at " + c.src.Where(g.Pos(), recv.Pos())
	var msg string
	var skip analysis.RelatedInformation
	if p.Ret.Pos().IsValid() {
		msg = fmt.Sprintf("%s receiving from %s: %s can return at %s without sending on or closing it",
			who, name, started, c.src.Where(p.Ret.Pos(), recv.Pos()))
		skip = analysis.RelatedInformation{Pos: p.Ret.Pos(), Message: "here the goroutine returns without sending on or closing " + name}
	} else {
		msg = fmt.Sprintf("%s receiving from %s: %s can reach its end without sending on or closing it",
			who, name, started)
	}
	d := analysis.Diagnostic{Pos: recv.Pos(), Category: "skippedsignal", Message: msg}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	if w.call != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: w.call.Pos(), Message: fmt.Sprintf("here %s waits through %s", ssaidiom.FuncNameOf(w.at.Parent(), c.pass.Pkg), ssaidiom.FuncNameOf(recv.Parent(), c.pass.Pkg))})
	}
	if skip.Pos.IsValid() {
		d.Related = append(d.Related, skip)
	}
	c.report(g, d)
}
