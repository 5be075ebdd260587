package rangeclose

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// A skipped close: a range loop over a channel whose one closer can
// return without closing it, typically on an error path before a close
// that is not deferred. The closer is a goroutine that the function making
// the channel starts, or that function itself, when goroutines it starts
// range over the channel. The range loop never ends on that path.
type skippedClose struct {
	rng *chanflow.Range
	g   *ssa.Go         // the goroutine that closes the channel; nil for the maker
	ret *ssa.Return     // where it returns without closing
	cl  *chanflow.Close // the close it skips
}

// findSkippedClose returns the skipped close of ch, or nil. It judges
// only what it can tell for sure: a channel made and handed to its closer
// and its receivers by one function (not escaping, not returned, not
// living as long as the process); range loops that end only when the
// channel is closed (no break or return inside), in the maker itself or
// in goroutines it starts, that run on every path from the closer's go
// statement; one plain close (not deferred), in the body of one goroutine
// the maker starts once, outside loops; and a path through that body from
// its entry to a return that does not close and cannot end the process
// instead (panic, os.Exit, log.Fatal).
func findSkippedClose(ch *chanflow.Channel) []*skippedClose {
	if ch.Escaped || ch.ProcessLifetime || ch.Returned || ch.RecvOnlyOut || !ch.Closed ||
		len(ch.Ranges) == 0 || len(ch.Closes) != 1 {
		return nil
	}
	maker := ch.Make.Parent()
	cl := ch.Closes[0]
	call, plain := cl.Instr.(*ssa.Call)
	if !plain {
		return nil
	}
	if cl.Go == nil {
		return makerSkipsClose(ch, call, cl)
	}
	g := cl.Go
	body := ssaidiom.GoroutineFunc(g)
	if g.Parent() != maker || ssaidiom.InLoop(g.Block()) || body == nil || call.Parent() != body ||
		ssaidiom.InLoop(call.Block()) || ssaidiom.MayEndGoroutine(body) || ssaidiom.TooBig(body) {
		return nil
	}
	for _, r := range ch.Ranges {
		if r.Recv == nil || !onlyExitIsClose(r.Recv) || !rangesAfter(g, r) {
			return nil
		}
	}
	// The goroutine can return without closing.
	closes := ssaidiom.NewWeights()
	closes.Add(call, 1)
	entry := body.Blocks[0]
	p := ssaidiom.CheapestExit(entry.Instrs[0], closes.Block(entry), closes.Edge, nil)
	if p == nil || p.Cost > 0 || p.Ret == nil {
		return nil
	}
	var ks []*skippedClose
	for _, r := range ch.Ranges {
		ks = append(ks, &skippedClose{rng: r, g: g, ret: p.Ret, cl: cl})
	}
	return ks
}

// makerSkipsClose returns the skipped closes of ch when the maker closes
// it itself, with a plain close outside loops, and only goroutines it
// starts range over it: each range loop reached on every path through
// its goroutine's body, with no way out but the close. It reports the
// loops whose go statement, never reached after the close, reaches a
// return of the maker that does not pass the close, when no path of the
// maker can end the process instead.
func makerSkipsClose(ch *chanflow.Channel, call *ssa.Call, cl *chanflow.Close) []*skippedClose {
	maker := ch.Make.Parent()
	if call.Parent() != maker || ssaidiom.InLoop(call.Block()) || ssaidiom.TooBig(maker) || ssaidiom.MayEndGoroutine(maker) {
		return nil
	}
	for _, r := range ch.Ranges {
		if r.Recv == nil || r.Go == nil || r.Go.Parent() != maker || !onlyExitIsClose(r.Recv) || !rangesInBody(r) {
			return nil
		}
	}
	closes := ssaidiom.NewWeights()
	closes.Add(call, 1)
	var ks []*skippedClose
	for _, r := range ch.Ranges {
		if ssaidiom.MayRunAfter(call, r.Go) {
			continue // closed before the goroutine starts, on some path
		}
		if p := ssaidiom.CheapestExit(r.Go, closes.After(r.Go), closes.Edge, nil); p != nil && p.Cost == 0 && p.Ret != nil {
			ks = append(ks, &skippedClose{rng: r, ret: p.Ret, cl: cl})
		}
	}
	return ks
}

// rangesAfter reports whether the range loop r runs whenever the closer
// started by g may skip its close: in the maker itself, on every path
// from g to the maker's returns; or in the body of a goroutine the maker
// starts before or after g on some path, a body that reaches the loop on
// every path.
func rangesAfter(g *ssa.Go, r *chanflow.Range) bool {
	maker := g.Parent()
	if r.Go == nil {
		if r.Recv.Parent() != maker {
			return false
		}
		w := ssaidiom.NewWeights()
		w.Add(r.Recv, 1)
		p := ssaidiom.CheapestExit(g, w.After(g), w.Edge, nil)
		return p != nil && p.Cost >= 1
	}
	return r.Go.Parent() == maker && (ssaidiom.MayRunAfter(r.Go, g) || ssaidiom.MayRunAfter(g, r.Go)) && rangesInBody(r)
}

// rangesInBody reports whether r, a range loop in a goroutine, is in the
// goroutine's own body and reached on every path through it.
func rangesInBody(r *chanflow.Range) bool {
	body := ssaidiom.GoroutineFunc(r.Go)
	if body == nil || r.Recv.Parent() != body {
		return false
	}
	w := ssaidiom.NewWeights()
	w.Add(r.Recv, 1)
	entry := body.Blocks[0]
	p := ssaidiom.CheapestExit(entry.Instrs[0], w.Block(entry), w.Edge, nil)
	return p != nil && p.Cost >= 1
}

// onlyExitIsClose reports whether the range loop headed by recv is left
// only when the channel is closed: no path from the loop's body reaches a
// return of the function without coming back to the receive.
func onlyExitIsClose(recv *ssa.UnOp) bool {
	branch, notOk := ssaidiom.OkBranch(recv)
	if branch == nil {
		return false
	}
	var body *ssa.BasicBlock
	for _, s := range branch.Succs {
		if s != notOk {
			body = s
		}
	}
	header := recv.Block()
	seen := map[*ssa.BasicBlock]bool{header: true, notOk: true}
	stack := []*ssa.BasicBlock{body}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == nil || seen[b] {
			continue
		}
		seen[b] = true
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		stack = append(stack, b.Succs...)
	}
	return true
}

// skippedDiagnostic builds the report of a skipped close, at the loop.
func (s *source) skippedDiagnostic(k *skippedClose) analysis.Diagnostic {
	pos := k.rng.Pos()
	name := s.ChanText(pos, "channel")
	// An implicit return at the closing brace has no position.
	goroutineExit, makerExit := "reach its end", "reaches its end"
	if k.ret.Pos().IsValid() {
		at := s.Where(k.ret.Pos(), pos)
		goroutineExit, makerExit = "return at "+at, "returns at "+at
	}
	var msg string
	var related []analysis.RelatedInformation
	if k.g != nil {
		msg = fmt.Sprintf("range over channel %s never ends when the goroutine started at %s returns early: it can %s without closing %s",
			name, s.Where(k.g.Pos(), pos), goroutineExit, name)
		related = append(related, analysis.RelatedInformation{Pos: k.g.Pos(), Message: "the goroutine that closes " + name + " is started here"})
	} else {
		maker := k.cl.Instr.Parent()
		msg = fmt.Sprintf("range over channel %s never ends when %s %s: that path does not close %s",
			name, ssaidiom.FuncNameOf(maker, maker.Pkg.Pkg), makerExit, name)
		if k.rng.Go != nil {
			related = append(related, analysis.RelatedInformation{Pos: k.rng.Go.Pos(), Message: "the goroutine that ranges over " + name + " is started here"})
		}
	}
	related = append(related, analysis.RelatedInformation{Pos: k.cl.Instr.Pos(), Message: name + " is closed only here"})
	if k.ret.Pos().IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: k.ret.Pos(), Message: "here the path returns without closing " + name})
	}
	return analysis.Diagnostic{Pos: pos, Category: "skippedclose", Message: msg, URL: docURL, Related: related}
}
