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
		if !neverEnds(ch) {
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

// neverEnds reports whether every range loop over ch provably never ends,
// exactly as rangeclose decides it: ch is ranged over, not closed, does
// not escape or live as long as the process, and is not fed only by
// producers that run forever.
func neverEnds(ch *chanflow.Channel) bool {
	if ch.Escaped || ch.Closed || ch.ProcessLifetime || len(ch.Ranges) == 0 {
		return false
	}
	for _, s := range ch.Sends {
		if !s.Forever {
			return true
		}
	}
	return len(ch.Sends) == 0
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
