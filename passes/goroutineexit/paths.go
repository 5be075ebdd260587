package goroutineexit

import (
	"container/heap"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A path is the cheapest way, counted in weighted operations, from a go
// statement to a return of the function that contains it.
type path struct {
	cost   int
	blocks []*ssa.BasicBlock // from the go statement's block to the return's
	ret    *ssa.Return
}

// cheapestReturn returns the path from the instruction start to a return
// of its function that passes the fewest weighted operations, where
// weight(b) is the number of operations a path counts on entering block b
// and startWeight those after start in its own block. It returns nil when
// no return is reachable. Weights must be non-negative.
func cheapestReturn(start ssa.Instruction, startWeight int, weight func(*ssa.BasicBlock) int) *path {
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
			p := &path{cost: it.cost, ret: ret}
			for x := b; ; x = prev[x] {
				p.blocks = append([]*ssa.BasicBlock{x}, p.blocks...)
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

// instrsAfter returns the instructions of instr's block that follow it.
func instrsAfter(instr ssa.Instruction) []ssa.Instruction {
	b := instr.Block()
	for i, x := range b.Instrs {
		if x == instr {
			return b.Instrs[i+1:]
		}
	}
	return nil
}

// selectCases maps the blocks that begin each case of the select sel to
// the case's index in sel.States, and the block of its default case (if
// any) to -1. go/ssa lowers a select to "if idx == i goto case_i else
// next" for every state in turn.
func selectCases(sel *ssa.Select) map[*ssa.BasicBlock]int {
	cases := make(map[*ssa.BasicBlock]int)
	var last *ssa.If
	for _, ref := range *sel.Referrers() {
		ext, ok := ref.(*ssa.Extract)
		if !ok || ext.Index != 0 {
			continue
		}
		for _, use := range *ext.Referrers() {
			cmp, ok := use.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
				continue
			}
			i, _ := constant.Int64Val(c.Value)
			for _, u := range *cmp.Referrers() {
				if iff, ok := u.(*ssa.If); ok {
					cases[iff.Block().Succs[0]] = int(i)
					if int(i) == len(sel.States)-1 {
						last = iff
					}
				}
			}
		}
	}
	if !sel.Blocking && last != nil {
		cases[last.Block().Succs[1]] = -1
	}
	return cases
}
