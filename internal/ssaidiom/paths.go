package ssaidiom

import (
	"container/heap"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Weights counts operations (receives, sends, closes) on the paths
// through a function: a path counts Block(b) on entering block b, and
// After(instr) for the operations that follow instr in instr's block.
type Weights struct {
	blocks map[*ssa.BasicBlock]int
	instrs map[ssa.Instruction]int
}

// NewWeights returns weights that count nothing yet.
func NewWeights() *Weights {
	return &Weights{blocks: make(map[*ssa.BasicBlock]int), instrs: make(map[ssa.Instruction]int)}
}

// Add counts n operations at instr.
func (w *Weights) Add(instr ssa.Instruction, n int) {
	w.blocks[instr.Block()] += n
	w.instrs[instr] += n
}

// AddCase counts n operations on entering the body of the k-th case of
// sel. It reports false when that body cannot be told from the others'
// (see [CaseBodies]): the count would then be wrong.
func (w *Weights) AddCase(sel *ssa.Select, k, n int) bool {
	found := false
	for b, j := range CaseBodies(sel) {
		if j == k {
			w.blocks[b] += n
			found = true
		}
	}
	return found
}

// Block returns the operations a path counts on entering b.
func (w *Weights) Block(b *ssa.BasicBlock) int { return w.blocks[b] }

// After returns the operations counted in instr's block after instr.
func (w *Weights) After(instr ssa.Instruction) int {
	n := 0
	for _, x := range InstrsAfter(instr) {
		n += w.instrs[x]
	}
	return n
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
// instruction to a return of the function that contains it.
type Path struct {
	Cost   int
	Blocks []*ssa.BasicBlock // from the start's block to the return's
	Ret    *ssa.Return
}

// CheapestReturn returns the path from the instruction start to a return
// of its function that counts the fewest operations, where weight(b) is
// the number a path counts on entering block b and startWeight those after
// start in its own block. It returns nil when no return is reachable.
// Weights must be non-negative. (Dijkstra's algorithm over the blocks.)
func CheapestReturn(start ssa.Instruction, startWeight int, weight func(*ssa.BasicBlock) int) *Path {
	from := start.Block()
	dist := map[*ssa.BasicBlock]int{from: startWeight}
	prev := map[*ssa.BasicBlock]*ssa.BasicBlock{}
	q := &blockQueue{{from, startWeight}}
	done := map[*ssa.BasicBlock]bool{}
	for q.Len() > 0 {
		it := heap.Pop(q).(queued)
		b := it.b
		if done[b] {
			continue
		}
		done[b] = true
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			p := &Path{Cost: it.cost, Ret: ret}
			for x := b; ; x = prev[x] {
				p.Blocks = append([]*ssa.BasicBlock{x}, p.Blocks...)
				if x == from {
					break
				}
			}
			return p
		}
		for _, s := range b.Succs {
			c := it.cost + weight(s)
			if d, ok := dist[s]; !ok || c < d {
				dist[s] = c
				prev[s] = b
				heap.Push(q, queued{s, c})
			}
		}
	}
	return nil
}

type queued struct {
	b    *ssa.BasicBlock
	cost int
}

type blockQueue []queued

func (q blockQueue) Len() int           { return len(q) }
func (q blockQueue) Less(i, j int) bool { return q[i].cost < q[j].cost }
func (q blockQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *blockQueue) Push(x any)        { *q = append(*q, x.(queued)) }
func (q *blockQueue) Pop() any          { old := *q; x := old[len(old)-1]; *q = old[:len(old)-1]; return x }
