package chanflow

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// isRangeLoop reports whether recv, a receive, heads a loop that ends only
// when the channel is closed: "for v := range ch", or its hand-written form
// "for { v, ok := <-ch; if !ok { break }; ... }".
//
// The receive must report ok, ok must decide a branch whose false side
// leaves the loop, and the loop must have no other way out: no return,
// break or goto out of it, and no call to runtime.Goexit. Exits that only
// lead to a panic do not count as ways out.
func (a *state) isRangeLoop(recv *ssa.UnOp) bool {
	if !recv.CommaOk {
		return false
	}
	branch, exit := ssaidiom.OkBranch(recv)
	if exit == nil {
		return false
	}
	loop := ssaidiom.Cycle(recv.Block())
	if loop == nil || loop[exit] {
		return false
	}
	for b := range loop {
		for _, s := range b.Succs {
			if loop[s] || (b == branch && s == exit) {
				continue
			}
			if !onlyPanics(s) {
				return false // another way out of the loop
			}
		}
		for _, instr := range b.Instrs {
			if ssaidiom.IsGoexit(instr) {
				return false
			}
		}
	}
	return true
}

// onlyPanics reports whether every path from b ends in a panic or a call
// that does not return (os.Exit, log.Fatal), so that leaving a loop for b
// is no way for the goroutine to finish normally. runtime.Goexit is a way
// to finish: the goroutine ends and its deferred calls run.
func onlyPanics(b *ssa.BasicBlock) bool {
	for x := range ssaidiom.Reachable(b, ssaidiom.Succs) {
		if slices.ContainsFunc(x.Instrs, ssaidiom.IsGoexit) {
			return false
		}
		if len(x.Succs) > 0 || len(x.Instrs) == 0 {
			continue
		}
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Panic); !ok {
			return false
		}
	}
	return true
}
