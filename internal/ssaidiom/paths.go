package ssaidiom

import (
	"container/heap"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Weights counts operations (receives, sends, closes) on the paths
// through a function: a path counts Edge(from, to) on going from block
// from to block to, which is Block(to) plus what the select cases taken by
// that edge count, and After(instr) for the operations that follow instr
// in instr's block.
type Weights struct {
	blocks map[*ssa.BasicBlock]int
	edges  map[[2]*ssa.BasicBlock]int
	instrs map[ssa.Instruction]int
}

// NewWeights returns weights that count nothing yet.
func NewWeights() *Weights {
	return &Weights{
		blocks: make(map[*ssa.BasicBlock]int),
		edges:  make(map[[2]*ssa.BasicBlock]int),
		instrs: make(map[ssa.Instruction]int),
	}
}

// Add counts n operations at instr.
func (w *Weights) Add(instr ssa.Instruction, n int) {
	w.blocks[instr.Block()] += n
	w.instrs[instr] += n
}

// AddCase counts n operations on the edge into the body of the k-th case
// of sel: on the edge, not the block, since go/ssa merges the empty bodies
// of several cases into the block after the select (see [Case]). It
// reports false when the case's branch cannot be found.
func (w *Weights) AddCase(sel *ssa.Select, k, n int) bool {
	c, ok := SelectCase(sel, k)
	if !ok {
		return false
	}
	from, to := c.Edge()
	w.edges[[2]*ssa.BasicBlock{from, to}] += n
	return true
}

// AddEdge counts n operations on the edge from block from to its
// successor to.
func (w *Weights) AddEdge(from, to *ssa.BasicBlock, n int) {
	w.edges[[2]*ssa.BasicBlock{from, to}] += n
}

// Block returns the operations a path counts on entering b, whichever
// edge it takes.
func (w *Weights) Block(b *ssa.BasicBlock) int { return w.blocks[b] }

// Edge returns the operations a path counts on going from block from to
// its successor to.
func (w *Weights) Edge(from, to *ssa.BasicBlock) int {
	return w.blocks[to] + w.edges[[2]*ssa.BasicBlock{from, to}]
}

// After returns the operations counted in instr's block after instr.
func (w *Weights) After(instr ssa.Instruction) int {
	n := 0
	for _, x := range InstrsAfter(instr) {
		n += w.instrs[x]
	}
	return n
}

// Before returns the operations counted at instructions that run before
// instr on every path to it (see [RunsBefore]).
func (w *Weights) Before(instr ssa.Instruction) int {
	n := 0
	for x, k := range w.instrs {
		if x != instr && RunsBefore(x, instr) {
			n += k
		}
	}
	return n
}

// RunsBefore reports whether a runs before b on every path to b: a's
// block dominates b's, and a comes first when they share a block.
func RunsBefore(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	return IndexOf(a) < IndexOf(b)
}

// MayRunAfter reports whether b can run after a, in their function: later
// in a's block, or in a block reachable from it. Unlike RunsBefore it does
// not ask that a run on every path to b (a go statement in a loop need
// not dominate the statement after the loop).
func MayRunAfter(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() && IndexOf(a) < IndexOf(b) {
		return true
	}
	for _, s := range a.Block().Succs {
		if Reachable(s, Succs)[b.Block()] {
			return true
		}
	}
	return false
}

// InstrsAfter returns the instructions of instr's block that follow it.
func InstrsAfter(instr ssa.Instruction) []ssa.Instruction {
	i := IndexOf(instr)
	if i < 0 {
		return nil
	}
	return instr.Block().Instrs[i+1:]
}

// IndexOf returns the index of instr in its block, or -1.
func IndexOf(instr ssa.Instruction) int {
	return slices.Index(instr.Block().Instrs, instr)
}

// A Path is the cheapest way, counted in weighted operations, from an
// instruction to a return of the function that contains it, or to the
// entry of a block where the search was told to stop.
type Path struct {
	Cost   int
	Blocks []*ssa.BasicBlock // from the start's block to the return's
	Ret    *ssa.Return       // nil when the path ends at Stop
	// Stop is the block whose entry ends the path, when it does not end
	// at a return. It is not in Blocks, nor is its weight in Cost.
	Stop *ssa.BasicBlock
}

// CheapestExit returns the path from the instruction start to a return
// of its function that counts the fewest operations, where weight(from,
// to) is what a path counts on going from block from to block to (use
// [Weights.Edge]: select cases are counted on edges, so a weight of blocks
// alone would miss them) and startWeight those after start in its own
// block; or, when stop is not nil, the path to the entry of a block for
// which stop holds (the block that makes a channel anew in the next
// iteration of a loop, say), whichever is cheaper. It returns nil when
// neither is reachable. Weights must be non-negative. (Dijkstra's
// algorithm over the blocks.)
func CheapestExit(start ssa.Instruction, startWeight int, weight func(from, to *ssa.BasicBlock) int, stop func(*ssa.BasicBlock) bool) *Path {
	from := start.Block()
	dist := map[*ssa.BasicBlock]int{from: startWeight}
	prev := map[*ssa.BasicBlock]*ssa.BasicBlock{}
	q := &blockQueue{{b: from, cost: startWeight}}
	done := map[*ssa.BasicBlock]bool{}
	path := func(b *ssa.BasicBlock, cost int) *Path {
		p := &Path{Cost: cost}
		for x := b; ; x = prev[x] {
			p.Blocks = append([]*ssa.BasicBlock{x}, p.Blocks...)
			if x == from {
				break
			}
		}
		return p
	}
	for q.Len() > 0 {
		it := heap.Pop(q).(queued)
		b := it.b
		if it.stop != nil {
			p := path(b, it.cost)
			p.Stop = it.stop
			return p
		}
		if done[b] {
			continue
		}
		done[b] = true
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			p := path(b, it.cost)
			p.Ret = ret
			return p
		}
		for _, s := range b.Succs {
			if stop != nil && stop(s) {
				heap.Push(q, queued{b: b, cost: it.cost, stop: s})
				continue
			}
			c := it.cost + weight(b, s)
			if d, ok := dist[s]; !ok || c < d {
				dist[s] = c
				prev[s] = b
				heap.Push(q, queued{b: s, cost: c})
			}
		}
	}
	return nil
}

type queued struct {
	b    *ssa.BasicBlock
	cost int
	stop *ssa.BasicBlock // set when the path ends on entering it from b
}

type blockQueue []queued

func (q blockQueue) Len() int           { return len(q) }
func (q blockQueue) Less(i, j int) bool { return q[i].cost < q[j].cost }
func (q blockQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *blockQueue) Push(x any)        { *q = append(*q, x.(queued)) }
func (q *blockQueue) Pop() any          { old := *q; x := old[len(old)-1]; *q = old[:len(old)-1]; return x }
