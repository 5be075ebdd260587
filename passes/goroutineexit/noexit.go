package goroutineexit

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// noExit reports goroutines that can never finish: a select with no
// cases, an operation on a nil channel, or a loop with no way out that
// waits only on channels abandoned by the function that started it.
func (c *checker) noExit() {
	for _, fn := range c.flow.SSA().SrcFuncs {
		if ssaidiom.IsProcessLifetime(fn) || ssaidiom.TooBig(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				g, ok := instr.(*ssa.Go)
				if !ok || c.reported[g] {
					continue
				}
				body := ssaidiom.GoroutineFunc(g)
				if body == nil || body.Pkg != fn.Pkg || ssaidiom.TooBig(body) {
					continue
				}
				if !c.blocksOnNothing(g, body) {
					c.loopWithNoWayOut(g, body)
				}
			}
		}
	}
}

// blocksOnNothing reports a "select {}" or a send or receive on a nil
// channel in the goroutine's own body: each blocks forever by definition.
func (c *checker) blocksOnNothing(g *ssa.Go, body *ssa.Function) bool {
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			var msg string
			switch instr := instr.(type) {
			case *ssa.Select:
				if len(instr.States) == 0 && instr.Blocking {
					msg = "goroutine blocks forever: a select with no cases never proceeds"
				}
			case *ssa.Send:
				if ssaidiom.AlwaysNil(instr.Chan) {
					msg = "goroutine blocks forever: a send on a nil channel never proceeds"
				}
			case *ssa.UnOp:
				if instr.Op.String() == "<-" && ssaidiom.AlwaysNil(instr.X) {
					msg = "goroutine blocks forever: a receive from a nil channel never proceeds"
				}
			}
			if msg != "" && instr.Pos().IsValid() {
				c.report(g, analysis.Diagnostic{Pos: instr.Pos(), Category: "blockedforever", Message: msg})
				return true
			}
		}
	}
	return false
}

// chanOp is one channel operation in a goroutine's body.
type chanOp struct {
	instr ssa.Instruction
	ch    ssa.Value
	send  bool
	pos   token.Pos // of the operation's arrow (or "for")
}

// loopWithNoWayOut reports the goroutine started by g when its body can
// never return and every channel operation in it is on channels that
// only it and the starting function use: once the starting function
// returns, nothing can release it.
func (c *checker) loopWithNoWayOut(g *ssa.Go, body *ssa.Function) {
	if ssaidiom.BlocksReachingReturn(body)[body.Blocks[0]] {
		return // the goroutine has a way to finish
	}
	parent := g.Parent()
	if !ssaidiom.BlocksReachingReturn(parent)[g.Block()] {
		return // the starting function never returns either
	}
	ops := channelOps(body)
	if len(ops) == 0 {
		return // a loop that waits on no channel: a ticker, a sleeper, a busy loop
	}
	var chans []*chanflow.Channel
	for _, op := range ops {
		ch := c.ownedChannel(op.ch, parent, body)
		if ch == nil {
			return
		}
		if ch.Closed && !op.send {
			return // a closed channel releases its receivers
		}
		chans = analysisutil.AppendNew(chans, ch)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].instr.Pos() < ops[j].instr.Pos() })
	at := ops[0]
	var names []string
	for _, op := range ops {
		names = analysisutil.AppendNew(names, c.src.ChanText(op.pos, ""))
	}
	what := "receives from"
	if at.send {
		what = "sends on"
	}
	d := analysis.Diagnostic{
		Pos:      at.instr.Pos(),
		Category: "noexit",
		Message: fmt.Sprintf("goroutine never finishes: its loop has no way out and waits only on %s, which nothing %s once %s returns",
			joinNames(names), opposite(what), parent.Name()),
	}
	for _, ch := range chans {
		d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), "the channel")))
	}
	c.report(g, d)
}

func opposite(what string) string {
	if what == "sends on" {
		return "receives from"
	}
	return "sends on"
}

func joinNames(names []string) string {
	var out string
	for i, n := range names {
		if n == "" {
			n = "a channel"
		}
		switch {
		case i == 0:
			out = n
		case i == len(names)-1:
			out += " and " + n
		default:
			out += ", " + n
		}
	}
	return out
}

// channelOps returns the channel operations of fn's own body.
func channelOps(fn *ssa.Function) []chanOp {
	var ops []chanOp
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Send:
				ops = append(ops, chanOp{instr, instr.Chan, true, instr.Pos()})
			case *ssa.UnOp:
				if _, ok := instr.X.Type().Underlying().(*types.Chan); ok && instr.Op.String() == "<-" {
					ops = append(ops, chanOp{instr, instr.X, false, instr.Pos()})
				}
			case *ssa.Select:
				for _, st := range instr.States {
					ops = append(ops, chanOp{instr, st.Chan, st.Dir == types.SendOnly, st.Pos})
				}
			}
		}
	}
	return ops
}

// ownedChannel returns the channel made in parent that v is an alias of,
// when it does not escape and every operation on it is either in the
// goroutine's body or in parent itself (not in another goroutine), so
// that it is abandoned to the goroutine once parent returns.
func (c *checker) ownedChannel(v ssa.Value, parent, body *ssa.Function) *chanflow.Channel {
	for _, ch := range c.flow.Channels {
		if !ch.Aliases[v] {
			continue
		}
		// A channel handed back to callers counts too: when nothing but
		// parent and the goroutine uses it, callers do nothing with it
		// that could release the loop.
		if o := ch.Owner(); (o != chanflow.GoroutineExit && o != chanflow.LostSignal) || ch.Make.Parent() != parent {
			return nil
		}
		for _, s := range ch.Sends {
			if !ownedBy(s.Instr, s.Go, parent, body) {
				return nil
			}
		}
		for _, r := range ch.Recvs {
			if !ownedBy(r.Instr, r.Go, parent, body) {
				return nil
			}
		}
		for _, cl := range ch.Closes {
			if !ownedBy(cl.Instr, cl.Go, parent, body) {
				return nil
			}
		}
		return ch
	}
	return nil
}

func ownedBy(instr ssa.Instruction, g *ssa.Go, parent, body *ssa.Function) bool {
	switch instr.Parent() {
	case body:
		return true
	case parent:
		return g == nil
	}
	return false
}
