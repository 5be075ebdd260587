package goroutineexit

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// condBudget bounds the values visited when collecting what a condition
// reads, and maxUncorrelated the early returns set aside per channel.
const (
	condBudget      = 32
	maxUncorrelated = 4
)

// uncorrelatedExit returns the cheapest path from the start of the
// goroutines s to a return of the maker that does not leave through an
// early return correlated with the goroutine: a branch that skips every
// receive, taken on a condition that reads a value the goroutine also
// reads before its send ("if x == nil { return }" in both, an ok flag
// computed before the go statement). On such a branch the goroutine may
// well not send at all, so it proves nothing. It starts from p, the
// cheapest path, and returns nil when every leaking path is of that kind.
func (c *checker) uncorrelatedExit(ch *chanflow.Channel, s *senders, t *tally, it iteration, p *ssaidiom.Path) *ssaidiom.Path {
	reads := goroutineReads(s)
	if len(reads) == 0 {
		return p
	}
	var recvBlocks []*ssa.BasicBlock
	for _, r := range ch.Recvs {
		if r.Instr.Parent() == s.start.Parent() {
			recvBlocks = append(recvBlocks, r.Instr.Block())
		}
	}
	for _, r := range ch.Ranges {
		if r.Recv != nil && r.Recv.Parent() == s.start.Parent() {
			recvBlocks = append(recvBlocks, r.Recv.Block())
		}
	}
	forbidden := map[[2]*ssa.BasicBlock]bool{}
	weight := func(from, to *ssa.BasicBlock) int {
		if forbidden[[2]*ssa.BasicBlock{from, to}] {
			return closeWeight
		}
		return t.Edge(from, to)
	}
	for range maxUncorrelated {
		e, ok := correlatedBranch(p, reads, recvBlocks)
		if !ok {
			return p
		}
		forbidden[e] = true
		if p = ssaidiom.CheapestExit(s.start, t.After(s.start), weight, it.ends()); p == nil {
			return nil
		}
	}
	return nil
}

// correlatedBranch returns the first edge of p out of an if whose
// condition reads one of reads and into a block from which no receive
// in recvBlocks can be reached: an early return on a condition the
// goroutine shares.
func correlatedBranch(p *ssaidiom.Path, reads map[ssa.Value]bool, recvBlocks []*ssa.BasicBlock) ([2]*ssa.BasicBlock, bool) {
	for i := 0; i+1 < len(p.Blocks); i++ {
		b, next := p.Blocks[i], p.Blocks[i+1]
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !readsAny(iff.Cond, reads) {
			continue
		}
		reach := ssaidiom.Reachable(next, ssaidiom.Succs)
		skips := true
		for _, rb := range recvBlocks {
			if reach[rb] {
				skips = false
				break
			}
		}
		if skips {
			return [2]*ssa.BasicBlock{b, next}, true
		}
	}
	return [2]*ssa.BasicBlock{}, false
}

// readsAny reports whether the condition cond reads one of reads (see
// condValues); a condition too large to tell apart is assumed to.
func readsAny(cond ssa.Value, reads map[ssa.Value]bool) bool {
	vals, ok := condValues(cond)
	if !ok {
		return true
	}
	for v := range vals {
		if reads[v] {
			return true
		}
	}
	return false
}

// condValues returns the values a condition is computed from: itself,
// and through operators, conversions, loads, fields, indexes and the
// arguments of calls, the values those read. It reports false when they
// are too many, or merged by a phi.
func condValues(cond ssa.Value) (map[ssa.Value]bool, bool) {
	vals := map[ssa.Value]bool{}
	stack := []ssa.Value{cond}
	var ops []*ssa.Value
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v == nil || vals[v] {
			continue
		}
		if vals[v] = true; len(vals) > condBudget {
			return nil, false
		}
		switch v.(type) {
		case *ssa.BinOp, *ssa.UnOp, *ssa.Convert, *ssa.ChangeType, *ssa.Extract, *ssa.Field, *ssa.FieldAddr,
			*ssa.Index, *ssa.IndexAddr, *ssa.Call, *ssa.TypeAssert, *ssa.Lookup, *ssa.Slice:
			for _, op := range v.(ssa.Instruction).Operands(ops[:0]) {
				stack = append(stack, *op)
			}
		case *ssa.Phi:
			return nil, false
		}
	}
	return vals, true
}

// goroutineReads returns the values of the function that starts the
// goroutines s that a condition of their body reads before it may send,
// when the body has a path on which it does not send: the values bound to
// the free variables of a func literal, the arguments of the go statement
// passed to the body's parameters, and the package's variables.
func goroutineReads(s *senders) map[ssa.Value]bool {
	if s.fn == nil || len(s.fn.Blocks) == 0 || ssaidiom.TooBig(s.fn) {
		return nil
	}
	var sendBlocks []*ssa.BasicBlock
	always := false
	for _, snd := range s.sends {
		if snd.Parent() != s.fn {
			return nil
		}
		sendBlocks = append(sendBlocks, snd.Block())
		always = always || ssaidiom.DominatesReturns(snd.Block())
	}
	if always {
		return nil // it sends on every path, whatever it tests
	}
	outer := map[ssa.Value]ssa.Value{} // the body's value -> the maker's
	if mc, ok := s.g.Call.Value.(*ssa.MakeClosure); ok && mc.Fn == s.fn {
		for i, fv := range s.fn.FreeVars {
			if i < len(mc.Bindings) {
				outer[fv] = mc.Bindings[i]
			}
		}
	}
	if s.g.Call.StaticCallee() == s.fn && len(s.g.Call.Args) == len(s.fn.Params) {
		for i, p := range s.fn.Params {
			outer[p] = s.g.Call.Args[i]
		}
	}
	reads := map[ssa.Value]bool{}
	for _, b := range s.fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		reach := ssaidiom.Reachable(b, ssaidiom.Succs)
		before := false
		for _, sb := range sendBlocks {
			before = before || reach[sb]
		}
		if !before {
			continue
		}
		vals, ok := condValues(iff.Cond)
		if !ok {
			continue
		}
		for v := range vals {
			switch v := v.(type) {
			case *ssa.FreeVar, *ssa.Parameter:
				if o := outer[v]; o != nil && !isChannelValue(o) {
					reads[o] = true
				}
			case *ssa.Global:
				reads[v] = true
			}
		}
	}
	return reads
}

// isChannelValue reports whether v is a channel (or a variable holding
// one): the goroutine's use of the channel it sends on is no condition.
func isChannelValue(v ssa.Value) bool {
	t := v.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	_, ok := t.(*types.Chan)
	return ok
}
