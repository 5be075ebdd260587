package lostsignal

import (
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/passes/chanflow"
)

// rangecloseFindings is what rangeclose reports in this package, computed
// from the same chanflow result by the same rule: goroutines whose range
// loop over a channel can never end, and calls that hand such a channel to
// a function of another package that ranges over it.
//
// One leak, one diagnostic: a goroutine that never ends whatever its
// caller does is rangeclose's. lostsignal's claim ("taking the signal would
// let the goroutine finish") would be wrong for it, so it stays silent.
type rangecloseFindings struct {
	funcs map[*ssa.Function]bool   // functions containing a loop that never ends
	calls map[ssa.Instruction]bool // calls handing a never-closed channel to a ranging function
}

func newRangecloseFindings(flow *chanflow.Result) *rangecloseFindings {
	rf := &rangecloseFindings{funcs: make(map[*ssa.Function]bool), calls: make(map[ssa.Instruction]bool)}
	for _, ch := range flow.Channels {
		if ch.Owner() != chanflow.RangeClose {
			continue
		}
		for _, r := range ch.Ranges {
			if r.Recv != nil {
				rf.funcs[r.Recv.Parent()] = true
			} else {
				rf.calls[r.Call] = true
			}
		}
	}
	return rf
}

// ownsAny reports whether rangeclose owns one of the goroutines whose
// functions are roots.
func (rf *rangecloseFindings) ownsAny(roots map[*ssa.Function][]*ssa.Go) bool {
	for fn := range roots {
		if rf.funcs[fn] {
			return true
		}
	}
	return false
}
