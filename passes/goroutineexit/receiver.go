package goroutineexit

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// closeWeight is the weight of a close on a path: it releases every
// receiver.
const closeWeight = 1 << 20

// abandonedReceiver reports a goroutine that blocks forever receiving
// from ch because, on some path of the function that started it, nothing
// sends on ch or closes it.
func (c *checker) abandonedReceiver(ch *chanflow.Channel) {
	parent := ch.Make.Parent()
	g, recvs := receiverOf(ch, parent)
	if g == nil || c.reported[g] {
		return
	}
	it := iterationOf(ch)
	t, ok := releaseWeights(ch, parent, it)
	if !ok {
		return
	}
	// A send that runs before the go statement on every path left its
	// value in the buffer (or blocked the parent, which is not this
	// goroutine's leak); a close before it, deferred or not, releases
	// every receive.
	start := t.After(g) + t.Before(g)
	p := ssaidiom.CheapestExit(g, start, t.Edge, it.ends())
	need := 1
	if onOnePath(recvs) {
		need = 2
	}
	if p == nil || p.Cost >= need {
		return
	}
	if p = c.uncorrelatedRelease(ch, g, recvs, start, t, it, p); p == nil || p.Cost >= need {
		return // every path that leaves may be one on which it does not wait
	}

	at := recvs[0]
	if need == 2 {
		at = recvs[len(recvs)-1]
	}
	name := c.src.ChanText(at.Pos(), "the channel")
	var msg string
	if len(ch.Sends) == 0 && len(ch.Closes) == 0 {
		msg = fmt.Sprintf("goroutine blocks forever receiving from %s: nothing sends on or closes %s", name, name)
	} else {
		why, _ := c.giveUp(p, t.ours, "nothing sends on or closes "+name, at.Pos())
		msg = fmt.Sprintf("goroutine blocks forever receiving from %s: %s", name, why)
	}
	d := analysis.Diagnostic{Pos: at.Pos(), Category: "abandonedreceiver", Message: msg}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	if _, pos := c.giveUp(p, t.ours, "", at.Pos()); pos.IsValid() && len(ch.Sends)+len(ch.Closes) > 0 {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: "here the function leaves without releasing " + name})
	}
	c.report(g, d)
}

// receiverOf returns the go statement of parent whose goroutine does all
// the receives from ch, as plain receive expressions outside loops in its
// own body, and those receives.
func receiverOf(ch *chanflow.Channel, parent *ssa.Function) (*ssa.Go, []ssa.Instruction) {
	var g *ssa.Go
	var recvs []ssa.Instruction
	for _, r := range ch.Recvs {
		if r.Go == nil || r.Go.Parent() != parent || (g != nil && r.Go != g) {
			return nil, nil
		}
		g = r.Go
		u, ok := r.Instr.(*ssa.UnOp)
		if !ok || u.Parent() != ssaidiom.GoroutineFunc(g) || inLoop(u) {
			return nil, nil
		}
		recvs = append(recvs, u)
	}
	return g, recvs
}

// releaseWeights returns the sends on ch and closes of ch in parent as
// path weights. It fails when one happens elsewhere or in a way whose
// count is unknown (in a loop, in another goroutine).
func releaseWeights(ch *chanflow.Channel, parent *ssa.Function, it iteration) (*tally, bool) {
	t := newTally()
	for _, s := range ch.Sends {
		if s.Go != nil || s.Instr.Parent() != parent || it.repeats(s.Instr) || !t.add(s.Instr, s.State, 1) {
			return nil, false
		}
	}
	for _, cl := range ch.Closes {
		if cl.Go != nil || cl.Instr.Parent() != parent || it.repeats(cl.Instr) || !t.add(cl.Instr, -1, closeWeight) {
			return nil, false
		}
	}
	return t, true
}
