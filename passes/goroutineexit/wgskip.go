package goroutineexit

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// waitGroupDoneSkipped reports a Wait on a local WaitGroup that blocks
// forever because a goroutine it waits for can return without calling
// Done: the skipped signal of a WaitGroup, typically an early return on
// an error before a Done that is not deferred. The counter then never
// comes back to zero.
//
// It judges a WaitGroup held in a local variable (its address goes
// nowhere but the receivers of its methods) whose Adds are all in the
// function that waits, with positive deltas, and whose Dones are all plain
// calls (not deferred, not WaitGroup.Go), outside loops, in the bodies of
// goroutines that this function starts before the Wait, in a loop or not.
// The function must wait on every path from the go statement to its
// returns, and the goroutine's body must have a path from its entry to a
// return that calls no Done and cannot end the process instead (panic,
// os.Exit, log.Fatal).
func (c *checker) waitGroupDoneSkipped(v *syncVar, reported map[ssa.CallInstruction]bool) {
	if v.escaped || v.unknownAdd || len(v.adds) == 0 || len(v.dones) == 0 || len(v.waits) != 1 {
		return
	}
	w := v.waits[0]
	fn := w.Parent()
	if reported[w] || inLoop(w) {
		return
	}
	for _, add := range v.adds {
		if add.Parent() != fn {
			return
		}
	}
	bodies := make(map[*ssa.Function][]ssa.CallInstruction)
	for _, d := range v.dones {
		if _, plain := d.(*ssa.Call); !plain || syncMethod(d.Common()) != "WaitGroup.Done" || inLoop(d) {
			return
		}
		bodies[d.Parent()] = append(bodies[d.Parent()], d)
	}
	order := make([]*ssa.Function, 0, len(bodies))
	for body := range bodies {
		order = append(order, body)
	}
	slices.SortFunc(order, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	gos := make(map[*ssa.Function]*ssa.Go, len(order))
	for _, body := range order {
		g := goOf(body, fn)
		if g == nil || c.reported[g] || !ssaidiom.MayRunAfter(g, w) || ssaidiom.MayEndGoroutine(body) {
			return
		}
		gos[body] = g
	}
	// The function waits on every path from each go statement to its
	// returns, and some goroutine can return without its Done.
	waits := ssaidiom.NewWeights()
	waits.Add(w, 1)
	for _, body := range order {
		g := gos[body]
		if p := ssaidiom.CheapestExit(g, waits.After(g), waits.Edge, nil); p == nil || p.Cost < 1 {
			return
		}
	}
	for _, body := range order {
		dones := ssaidiom.NewWeights()
		for _, d := range bodies[body] {
			dones.Add(d, 1)
		}
		entry := body.Blocks[0]
		p := ssaidiom.CheapestExit(entry.Instrs[0], dones.Block(entry), dones.Edge, nil)
		if p != nil && p.Cost == 0 && p.Ret != nil {
			c.reportDoneSkipped(w, gos[body], p.Ret, v, reported)
			return
		}
	}
}

// reportDoneSkipped reports the Wait w, blocked forever when the
// goroutine started by g returns at ret without calling Done.
func (c *checker) reportDoneSkipped(w ssa.CallInstruction, g *ssa.Go, ret *ssa.Return, v *syncVar, reported map[ssa.CallInstruction]bool) {
	name := c.receiverText(w, "the WaitGroup")
	fn := w.Parent()
	who := ssaidiom.FuncNameOf(fn, fn.Pkg.Pkg)
	at := "its end"
	if ret.Pos().IsValid() {
		at = c.src.Where(ret.Pos(), w.Pos())
	}
	related := []analysis.RelatedInformation{{Pos: g.Pos(), Message: "the goroutine is started here"}}
	if ret.Pos().IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: ret.Pos(), Message: "here the goroutine returns without calling " + name + ".Done"})
	}
	related = append(related, analysis.RelatedInformation{Pos: v.adds[0].Pos(), Message: "the counter is raised here"})
	c.reportWait(w, reported, "skippedsignal",
		fmt.Sprintf("%s blocks forever in %s.Wait: the goroutine started at %s can return at %s without calling %s.Done, so the counter never reaches zero",
			who, name, c.src.Where(g.Pos(), w.Pos()), at, name),
		related...)
}
