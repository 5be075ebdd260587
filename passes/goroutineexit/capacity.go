package goroutineexit

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// capacityAt returns the capacity of the channel made by mk. When it is a
// parameter of the function that makes it ("make(chan T, buffer)"), it is
// the smallest constant that a static call of this package passes for
// that parameter, and that call: the leak is then the one of that calling
// context. It fails when no call passes a constant.
func (c *checker) capacityAt(mk *ssa.MakeChan) (int, *ssa.Call, bool) {
	if k, ok := capacity(mk); ok {
		return k, nil, true
	}
	p, ok := mk.Size.(*ssa.Parameter)
	if !ok {
		return 0, nil, false
	}
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	var best *ssa.Call
	k := 0
	for _, call := range c.callsOf(fn) {
		if i < 0 || i >= len(call.Call.Args) {
			continue
		}
		n, ok := ssaidiom.ConstInt(call.Call.Args[i])
		if !ok || n < 0 || n > 1<<20 {
			continue
		}
		if best == nil || int(n) < k {
			best, k = call, int(n)
		}
	}
	return k, best, best != nil
}

// callsOf returns the static calls of fn in the package's functions,
// indexing them all on first use.
func (c *checker) callsOf(fn *ssa.Function) []*ssa.Call {
	if c.calls == nil {
		c.calls = make(map[*ssa.Function][]*ssa.Call)
		for _, f := range c.flow.SSA().SrcFuncs {
			if ssaidiom.TooBig(f) {
				continue
			}
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && !call.Call.IsInvoke() {
						if callee := call.Call.StaticCallee(); callee != nil {
							c.calls[callee] = append(c.calls[callee], call)
						}
					}
				}
			}
		}
	}
	return c.calls[fn]
}

// capacityCallRelated points at the call whose constant is the capacity,
// when it is not the make's own.
func capacityCallRelated(call *ssa.Call, k int) analysis.RelatedInformation {
	return analysis.RelatedInformation{
		Pos:     call.Pos(),
		Message: fmt.Sprintf("here %s is called with a buffer of %d", call.Call.StaticCallee().Name(), k),
	}
}
