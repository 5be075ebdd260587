package goroutineexit

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssautil"
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
	w, ours, ok := releaseWeights(ch, parent)
	if !ok {
		return
	}
	start := 0
	for _, instr := range instrsAfter(g) {
		start += w.instr[instr]
	}
	for instr, n := range w.instr {
		// A send that runs before the go statement on every path left its
		// value in the buffer (or blocked the parent, which is not this
		// goroutine's leak), and a close before it releases every
		// receive; a close deferred before it runs on every return.
		if runsBefore(instr, g) {
			start += n
		}
	}
	p := cheapestReturn(g, start, w.block)
	need := 1
	if onOnePath(recvs) {
		need = 2
	}
	if p == nil || p.cost >= need {
		return
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
		why, _ := c.giveUp(p, ours, "nothing sends on or closes "+name, at.Pos())
		msg = fmt.Sprintf("goroutine blocks forever receiving from %s: %s", name, why)
	}
	d := analysis.Diagnostic{Pos: at.Pos(), Category: "abandonedreceiver", Message: msg}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	if _, pos := c.giveUp(p, ours, "", at.Pos()); pos.IsValid() && len(ch.Sends)+len(ch.Closes) > 0 {
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
		if !ok || u.Parent() != ssautil.GoroutineFunc(g) || inLoop(u) {
			return nil, nil
		}
		recvs = append(recvs, u)
	}
	return g, recvs
}

// releaseWeights returns the sends on ch and closes of ch in parent as
// path weights. It fails when one happens elsewhere or in a way whose
// count is unknown (in a loop, in another goroutine).
func releaseWeights(ch *chanflow.Channel, parent *ssa.Function) (*weights, map[*ssa.Select]map[int]bool, bool) {
	w := &weights{blocks: map[*ssa.BasicBlock]int{}, instr: map[ssa.Instruction]int{}}
	ours := map[*ssa.Select]map[int]bool{}
	add := func(instr ssa.Instruction, n int) bool {
		if instr.Parent() != parent || inLoop(instr) {
			return false
		}
		w.blocks[instr.Block()] += n
		w.instr[instr] += n
		return true
	}
	for _, s := range ch.Sends {
		if s.Go != nil {
			return nil, nil, false
		}
		if sel, ok := s.Instr.(*ssa.Select); ok {
			if sel.Parent() != parent || inLoop(sel) {
				return nil, nil, false
			}
			if ours[sel] == nil {
				ours[sel] = map[int]bool{}
			}
			ours[sel][s.State] = true
			found := false
			for b, j := range selectCases(sel) {
				if j == s.State {
					w.blocks[b]++
					found = true
				}
			}
			if !found {
				return nil, nil, false
			}
			continue
		}
		if !add(s.Instr, 1) {
			return nil, nil, false
		}
	}
	for _, cl := range ch.Closes {
		if cl.Go != nil || !add(cl.Instr, closeWeight) {
			return nil, nil, false
		}
	}
	return w, ours, true
}

// runsBefore reports whether a runs before b on every path to b: a's
// block dominates b's, and a comes first when they share a block.
func runsBefore(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, instr := range a.Block().Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}
