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
// tests before its send ("if x == nil { return }" in both, an ok flag
// computed before the go statement). On such a branch the goroutine may
// well not send at all, so it proves nothing. It starts from p, the
// cheapest path, and returns nil when every leaking path is of that kind.
func (c *checker) uncorrelatedExit(ch *chanflow.Channel, s *senders, t *tally, it iteration, p *ssaidiom.Path) *ssaidiom.Path {
	parent := s.start.Parent()
	var recvs []ssa.Instruction
	for _, r := range ch.Recvs {
		recvs = append(recvs, r.Instr)
	}
	for _, r := range ch.Ranges {
		if r.Recv != nil {
			recvs = append(recvs, r.Recv)
		}
	}
	return uncorrelated(goroutineReads(s.g, s.fn, s.sends), blocksIn(parent, recvs), s.start, t.After(s.start), t, it, p)
}

// uncorrelatedRelease is uncorrelatedExit for the goroutine g that
// receives at recvs: the maker's early returns on a condition g also
// tests before it waits prove nothing either.
func (c *checker) uncorrelatedRelease(ch *chanflow.Channel, g *ssa.Go, recvs []ssa.Instruction, startWeight int, t *tally, it iteration, p *ssaidiom.Path) *ssaidiom.Path {
	parent := g.Parent()
	var release []ssa.Instruction
	for _, s := range ch.Sends {
		release = append(release, s.Instr)
	}
	for _, cl := range ch.Closes {
		release = append(release, cl.Instr)
	}
	return uncorrelated(goroutineReads(g, ssaidiom.GoroutineFunc(g), recvs), blocksIn(parent, release), g, startWeight, t, it, p)
}

// uncorrelated returns p, or the cheapest path from start that leaves
// through no early return taken on a condition that reads one of reads
// into a branch from which no block of counted (the maker's operations
// that release the goroutine) can be reached, or nil when there is none.
func uncorrelated(reads map[ssa.Value]bool, counted []*ssa.BasicBlock, start ssa.Instruction, startWeight int, t *tally, it iteration, p *ssaidiom.Path) *ssaidiom.Path {
	if len(reads) == 0 {
		return p
	}
	forbidden := map[[2]*ssa.BasicBlock]bool{}
	weight := func(from, to *ssa.BasicBlock) int {
		if forbidden[[2]*ssa.BasicBlock{from, to}] {
			return closeWeight
		}
		return t.Edge(from, to)
	}
	for range maxUncorrelated {
		e, ok := correlatedBranch(p, reads, counted)
		if !ok {
			return p
		}
		forbidden[e] = true
		if p = ssaidiom.CheapestExit(start, startWeight, weight, it.ends()); p == nil {
			return nil
		}
	}
	return nil
}

// blocksIn returns the blocks of the instructions of instrs that are in
// fn.
func blocksIn(fn *ssa.Function, instrs []ssa.Instruction) []*ssa.BasicBlock {
	var blocks []*ssa.BasicBlock
	for _, instr := range instrs {
		if instr.Parent() == fn {
			blocks = append(blocks, instr.Block())
		}
	}
	return blocks
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
// goroutine g, whose body is fn, that a condition of fn reads before it
// may reach one of ops (its sends or receives on the channel), when fn
// has a path on which it does none of them: the values bound to the free
// variables of a func literal, the arguments of the go statement passed
// to fn's parameters, and the package's variables.
func goroutineReads(g *ssa.Go, fn *ssa.Function, ops []ssa.Instruction) map[ssa.Value]bool {
	if fn == nil || len(fn.Blocks) == 0 || ssaidiom.TooBig(fn) {
		return nil
	}
	var sendBlocks []*ssa.BasicBlock
	always := false
	for _, op := range ops {
		if op.Parent() != fn {
			return nil
		}
		sendBlocks = append(sendBlocks, op.Block())
		always = always || ssaidiom.DominatesReturns(op.Block())
	}
	if always {
		return nil // it does one on every path, whatever it tests
	}
	outer := map[ssa.Value]ssa.Value{} // the body's value -> the maker's
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok && mc.Fn == fn {
		for i, fv := range fn.FreeVars {
			if i < len(mc.Bindings) {
				outer[fv] = mc.Bindings[i]
			}
		}
	}
	if g.Call.StaticCallee() == fn && len(g.Call.Args) == len(fn.Params) {
		for i, p := range fn.Params {
			outer[p] = g.Call.Args[i]
		}
	}
	reads := map[ssa.Value]bool{}
	for _, b := range fn.Blocks {
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
