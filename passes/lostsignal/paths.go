package lostsignal

import (
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
	var exits []ssa.Instruction
	seen := make(map[*ssa.BasicBlock]bool)
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
	if from == nil {
		seen[fn.Blocks[0]] = true
		follow(fn.Blocks[0], 0)
	} else {
		follow(from.Block(), ssaidiom.IndexOf(from)+1)
	}
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
