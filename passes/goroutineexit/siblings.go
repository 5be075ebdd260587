package goroutineexit

import (
	"fmt"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// maxSiblings bounds the go statements whose sends are added up.
const maxSiblings = 8

// siblingSenders reports when several go statements of parent (the
// first-answer-wins race: one goroutine per server) together send more
// values on ch than parent receives on some path, beyond the capacity:
// one of them blocks forever. It judges only goroutines that each send a
// known number of values and are all started before any receive, so that
// the count from the last go statement sees every receive.
func (c *checker) siblingSenders(ch *chanflow.Channel, parent *ssa.Function, it iteration, k int) {
	if ch.Closed || len(ch.Ranges) > 0 {
		return
	}
	byGo := map[*ssa.Go]*senders{}
	var order []*senders
	for _, snd := range ch.Sends {
		g := snd.Go
		if g == nil || g.Parent() != parent || c.reported[g] {
			return
		}
		if byGo[g] == nil {
			byGo[g] = &senders{g: g}
			order = append(order, byGo[g])
		}
		byGo[g].sends = append(byGo[g].sends, snd.Instr)
	}
	if len(order) < 2 || len(order) > maxSiblings {
		return
	}
	total := 0
	for i, s := range order {
		if order[i] = c.sized(ch, s, it); order[i] == nil || order[i].many || order[i].loop != nil && order[i].loop.trip < 0 {
			return
		}
		total += order[i].perGoroutine
	}
	last := lastStarted(order)
	if last == nil {
		return
	}
	for _, r := range ch.Recvs {
		if r.Instr.Parent() == parent && !ssaidiom.RunsBefore(last.g, r.Instr) {
			return // a receive may come before every goroutine is started
		}
	}
	t, ok := c.receiveWeights(ch, parent, it)
	if !ok || t.drains || len(t.counted) > 0 && !(allSendOnceOnEveryPath(order) && t.countsMatch(&sendCount{trip: total})) {
		return
	}
	p := ssaidiom.CheapestExit(last.g, t.After(last.g), t.Edge, it.ends())
	if p == nil || total <= p.Cost+k {
		return
	}
	c.reportSiblings(ch, order, last, total, p, t.ours, k)
}

// lastStarted returns the senders whose go statement runs after every
// other one on every path, or nil.
func lastStarted(order []*senders) *senders {
	for _, s := range order {
		after := true
		for _, o := range order {
			if o != s && !ssaidiom.RunsBefore(o.g, s.g) {
				after = false
				break
			}
		}
		if after {
			return s
		}
	}
	return nil
}

// reportSiblings reports that one of the goroutines of order blocks
// forever, at the send of the last one started.
func (c *checker) reportSiblings(ch *chanflow.Channel, order []*senders, last *senders, total int, p *ssaidiom.Path, ours map[*ssa.Select]map[int]bool, k int) {
	at := last.sends[len(last.sends)-1]
	if call, ok := at.(ssa.CallInstruction); ok && last.fn != nil {
		if snd := helperSend(call.Common().StaticCallee(), ch); snd != nil {
			at = snd
		}
	}
	name := c.src.ChanText(at.Pos(), "")
	if name == "" {
		name = c.src.MadeName(ch.Make.Pos(), "the channel")
	}
	why, pos := c.giveUp(p, ours, fmt.Sprintf("at most %d %s received and %s has %s", p.Cost, plural(p.Cost, "is", "are"), name, capacityWords(k)), at.Pos())
	d := analysis.Diagnostic{
		Pos:      at.Pos(),
		Category: "forgottensender",
		Message:  fmt.Sprintf("one of %d goroutines blocks forever sending on %s: they send %d values, and %s", len(order), name, total, why),
	}
	d.Related = append(d.Related, makeRelated(ch, c.src.MadeName(ch.Make.Pos(), name)))
	for _, s := range order {
		if s != last {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.g.Pos(), Message: "another goroutine sending on " + name + " is started here"})
		}
	}
	if pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: "here the function stops receiving from " + name})
	}
	if _, call, _ := c.capacityAt(ch.Make); call != nil {
		d.Message += fmt.Sprintf(", when %s is called with a buffer of %d at %s", call.Call.StaticCallee().Name(), k, c.src.Where(call.Pos(), at.Pos()))
		d.Related = append(d.Related, capacityCallRelated(call, k))
	} else if k < total && allSendOnce(order) {
		// With room for every value, no send can block.
		if fix := c.bufferFix(ch, strconv.Itoa(total)); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	for _, s := range order {
		if s != last {
			c.reported[s.g] = true
		}
	}
	c.report(last.g, d)
}

// allSendOnce reports whether every goroutine of order sends at most one
// value.
func allSendOnce(order []*senders) bool {
	for _, s := range order {
		if s.perGoroutine != 1 {
			return false
		}
	}
	return true
}
