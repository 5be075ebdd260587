package lostsignal

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// stops describes the points at which a path search stops: instructions
// (a Wait call, a receive) and edges of the CFG taken only once the signal
// has been taken (into the body of a select case) or when there is nothing
// to wait for (the branch taken when a start failed).
type stops struct {
	instr func(ssa.Instruction) bool
	edges map[edge]bool
}

// edge is an edge of a function's CFG.
type edge struct{ from, to *ssa.BasicBlock }

// ifEdge returns the edge taken when the condition of iff is cond.
func ifEdge(iff *ssa.If, cond bool) edge {
	b := iff.Block()
	if cond {
		return edge{b, b.Succs[0]}
	}
	return edge{b, b.Succs[1]}
}

// exitFrom returns an exit of fn (a return, or a call to runtime.Goexit)
// that is reachable from the point just after the instruction from
// (from fn's entry when from is nil) without passing a stop, or nil when
// there is none. Among several, it prefers the one earliest in the source,
// so that messages are stable.
func exitFrom(fn *ssa.Function, from ssa.Instruction, st stops) ssa.Instruction {
	return earliest(exitsFrom(fn, from, st))
}

// exitsFrom returns every exit of fn reachable from the point just after
// from (from fn's entry when from is nil) without passing a stop.
func exitsFrom(fn *ssa.Function, from ssa.Instruction, st stops) []ssa.Instruction {
	if len(fn.Blocks) == 0 {
		return nil
	}
	if from == nil {
		return exitsFromBlock(fn.Blocks[0], 0, st)
	}
	return exitsFromBlock(from.Block(), ssaidiom.IndexOf(from)+1, withInfeasible(st, from))
}

// exitsFromBlock returns every exit of b's function reachable from the
// i-th instruction of b without passing a stop.
func exitsFromBlock(b *ssa.BasicBlock, i int, st stops) []ssa.Instruction {
	var exits []ssa.Instruction
	// Started at its entry, b is done; started inside, a path may come
	// back to scan the instructions before i.
	seen := map[*ssa.BasicBlock]bool{b: i == 0}
	var queue []*ssa.BasicBlock
	follow := func(b *ssa.BasicBlock, i int) {
		exit, stopped := scanBlock(b, i, st)
		if exit != nil {
			exits = append(exits, exit)
		}
		if stopped {
			return
		}
		for _, s := range b.Succs {
			if !seen[s] && !st.edges[edge{b, s}] {
				seen[s] = true
				queue = append(queue, s)
			}
		}
	}
	follow(b, i)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		follow(b, 0)
	}
	return exits
}

// scanBlock scans b from its i-th instruction. It returns the exit found,
// if any, and whether the path ends in b (at an exit or a stop).
func scanBlock(b *ssa.BasicBlock, i int, st stops) (exit ssa.Instruction, stopped bool) {
	for _, instr := range b.Instrs[i:] {
		if st.instr != nil && st.instr(instr) {
			return nil, true
		}
		switch instr := instr.(type) {
		case *ssa.Return:
			return instr, true
		case *ssa.Call:
			if ssaidiom.IsGoexit(instr) {
				return instr, true
			}
		}
	}
	return nil, false
}

func earliest(exits []ssa.Instruction) ssa.Instruction {
	var best ssa.Instruction
	for _, e := range exits {
		switch {
		case best == nil:
			best = e
		case e.Pos().IsValid() && (!best.Pos().IsValid() || e.Pos() < best.Pos()):
			best = e
		}
	}
	return best
}

// withInfeasible returns st with the edges added that no path from the
// point just after from can take, because a fact that holds at from
// decides their branch: inside the body of a loop over the elements of
// xs, len(xs) > 0, so an "if len(xs) == 0" later in the function cannot be
// true. The typical case is a goroutine started per element, then an
// early return for the empty input: no goroutine was started on it.
func withInfeasible(st stops, from ssa.Instruction) stops {
	nonEmpty := ssaidiom.NonEmptyAt(from.Block())
	if len(nonEmpty) == 0 {
		return st
	}
	edges := make(map[edge]bool, len(st.edges))
	for e := range st.edges {
		edges[e] = true
	}
	for _, b := range from.Parent().Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if always, known := lenTest(iff.Cond, nonEmpty); known {
			edges[ifEdge(iff, !always)] = true
		}
	}
	st.edges = edges
	return st
}

// lenTest reports the value of cond, a comparison of len(xs) with a
// constant, when len(xs) > 0 for every xs in nonEmpty decides it.
func lenTest(cond ssa.Value, nonEmpty map[ssa.Value]bool) (always, known bool) {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok {
		return false, false
	}
	op, l, r := cmp.Op, cmp.X, cmp.Y
	if _, isConst := l.(*ssa.Const); isConst {
		l, r = r, l
		switch op {
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	}
	xs := ssaidiom.LenArg(l)
	k, ok := r.(*ssa.Const)
	if xs == nil || !nonEmpty[xs] || !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false, false
	}
	n, exact := constant.Int64Val(k.Value)
	if !exact {
		return false, false
	}
	// len(xs) >= 1: the comparison is decided when every length from 1
	// on gives the same answer.
	switch op {
	case token.EQL:
		return false, n < 1
	case token.NEQ:
		return true, n < 1
	case token.LSS:
		return false, n <= 1
	case token.LEQ:
		return false, n < 1
	case token.GTR:
		return true, n < 1
	case token.GEQ:
		return true, n <= 1
	}
	return false, false
}
