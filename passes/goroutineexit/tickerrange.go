package goroutineexit

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// A range over the channel of a time.Ticker or time.Timer never ends by
// itself: the standard library never closes that channel, not even when
// Stop is called (its documentation says so), so the branch a range loop
// takes when the channel is closed is dead. A goroutine whose only way
// out is that branch has no way out.

// timeRange is a receive from a timer's channel whose not-ok branch (the
// channel closed) can never be taken.
type timeRange struct {
	recv   *ssa.UnOp
	closed [2]*ssa.BasicBlock // the edge taken when the receive reports the channel closed
}

// timeRanges returns the comma-ok receives of fn from the channel C of a
// *time.Ticker or *time.Timer whose ok decides a branch: range loops over
// t.C, and their hand-written forms.
func timeRanges(fn *ssa.Function) []timeRange {
	var rs []timeRange
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			recv, ok := instr.(*ssa.UnOp)
			if !ok || !recv.CommaOk || !isTimerChan(recv.X) {
				continue
			}
			if branch, notOk := ssaidiom.OkBranch(recv); branch != nil {
				rs = append(rs, timeRange{recv, [2]*ssa.BasicBlock{branch, notOk}})
			}
		}
	}
	return rs
}

// isTimerChan reports whether v is the field C of a time.Ticker or
// time.Timer, loaded through a pointer or from a value.
func isTimerChan(v ssa.Value) bool {
	var x ssa.Value
	var field int
	switch v := v.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		x, field = fa.X, fa.Field
	case *ssa.Field:
		x, field = v.X, v.Field
	default:
		return false
	}
	t := x.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	return ok && (named.Obj().Name() == "Ticker" || named.Obj().Name() == "Timer") &&
		field < st.NumFields() && st.Field(field).Name() == "C"
}

// mayReturn reports whether fn's entry reaches a return or a call of
// runtime.Goexit other than through the dead branches of rs.
func mayReturn(fn *ssa.Function, rs []timeRange) bool {
	dead := make(map[[2]*ssa.BasicBlock]bool, len(rs))
	for _, r := range rs {
		dead[r.closed] = true
	}
	var stack []*ssa.BasicBlock
	seen := make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok || hasGoexit(b) {
			seen[b] = true
			stack = append(stack, b)
		}
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range b.Preds {
			if !seen[p] && !dead[[2]*ssa.BasicBlock{p, b}] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	return seen[fn.Blocks[0]]
}

func hasGoexit(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if ssaidiom.IsGoexit(instr) {
			return true
		}
	}
	return false
}
