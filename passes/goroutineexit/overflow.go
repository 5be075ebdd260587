package goroutineexit

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// bufferedNeverReceived reports whether ch is buffered and nothing in the
// package receives from it or closes it: its buffer takes as many values
// as its capacity, and the send after those blocks forever.
func bufferedNeverReceived(ch *chanflow.Channel) bool {
	k, ok := capacity(ch.Make)
	if ok && k == 0 {
		return false // unbuffered: neverReceived's
	}
	return ch.Owner() == chanflow.GoroutineExit && !ch.Closed && len(ch.Recvs) == 0 && len(ch.Ranges) == 0
}

// overflow reports the send that exceeds the buffer of ch, a buffered
// channel nothing receives from, when the count of sends is known: all
// sends are send statements of one function, and either the first send
// that k others run before on every path (k a constant capacity), or the
// one send of a counted loop that sends on every iteration and runs more
// times than the capacity (a constant trip count, or the same length as
// the capacity, less a constant).
func (c *checker) overflow(s *sourceTracer, ch *chanflow.Channel, done map[ssa.Instruction]bool) {
	sends := make([]*ssa.Send, 0, len(ch.Sends))
	var g *ssa.Go
	for i, snd := range ch.Sends {
		send, ok := snd.Instr.(*ssa.Send)
		if !ok || send.Parent() != ch.Sends[0].Instr.Parent() || (i > 0 && snd.Go != g) {
			return
		}
		g = snd.Go
		sends = append(sends, send)
	}
	if len(sends) == 0 || (g != nil && c.reported[g]) || !s.mayRun(sends[0].Parent()) {
		return
	}
	for _, send := range sends {
		if !s.allDead(send.Chan, func(other *chanflow.Channel) bool { return other == ch }) {
			return // it may be another channel too, one that is received from
		}
	}
	if len(sends) == 1 && inLoop(sends[0]) {
		c.overflowLoop(ch, sends[0], g, done)
		return
	}
	k, ok := capacity(ch.Make)
	if !ok {
		return
	}
	for _, send := range sends {
		if inLoop(send) {
			return // its count is unknown
		}
	}
	for _, send := range sends {
		before := 0
		for _, other := range sends {
			if other != send && ssaidiom.RunsBefore(other, send) {
				before++
			}
		}
		if before != k || done[send] {
			continue
		}
		done[send] = true
		name := c.src.ChanText(send.Pos(), "the channel")
		c.reportOverflow(ch, send, g, fmt.Sprintf("blocks forever on its %s send on %s: %s has a buffer of %d and nothing in the package receives from it",
			ordinal(k+1), name, name, k), name)
	}
}

// overflowLoop reports send, the one send on ch, in a counted loop that
// runs more times than ch has room for.
func (c *checker) overflowLoop(ch *chanflow.Channel, send *ssa.Send, g *ssa.Go, done map[ssa.Instruction]bool) {
	l := countedLoopAround(send.Block())
	if l == nil || reentered(l.head) || !l.passesEveryIteration(send) || done[send] {
		return
	}
	n := l.n
	name := c.src.ChanText(send.Pos(), "the channel")
	var msg string
	if trip, ok := tripCount(n); ok {
		k, ok := capacity(ch.Make)
		if !ok || trip <= k {
			return
		}
		msg = fmt.Sprintf("blocks forever sending on %s in a loop: the loop sends %d values, %s has a buffer of %d and nothing in the package receives from it",
			name, trip, name, k)
	} else {
		sym := symbolicCapacity(ch.Make.Size)
		if sym == nil || sym.short == 0 || !sameCount(sym.base, n) {
			return
		}
		msg = fmt.Sprintf("blocks forever sending on %s in a loop: its buffer holds %d value%s fewer than the loop sends and nothing in the package receives from it",
			name, sym.short, plural(sym.short, "", "s"))
	}
	done[send] = true
	c.reportOverflow(ch, send, g, msg, name)
}

// reportOverflow reports the send that overflows the buffer of ch.
func (c *checker) reportOverflow(ch *chanflow.Channel, send *ssa.Send, g *ssa.Go, msg, name string) {
	if g != nil {
		c.reported[g] = true
		msg = "goroutine " + msg
	}
	c.diags = append(c.diags, analysis.Diagnostic{
		Pos:      send.Pos(),
		Category: "onesided",
		Message:  msg,
		Related:  []analysis.RelatedInformation{makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name))},
	})
}
