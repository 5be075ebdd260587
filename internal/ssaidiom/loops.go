package ssaidiom

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// LenArg returns xs when v is len(xs) and the length of xs is fixed for
// the value (a slice, an array, a pointer to one, or a string), or nil.
func LenArg(v ssa.Value) ssa.Value {
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	if !ok || b.Name() != "len" || len(call.Call.Args) != 1 {
		return nil
	}
	xs := call.Call.Args[0]
	t := xs.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	switch t := t.(type) {
	case *types.Slice, *types.Array:
		return xs
	case *types.Basic:
		if t.Info()&types.IsString != 0 {
			return xs
		}
	}
	return nil
}

// NonEmptyAt returns the values xs for which len(xs) > 0 holds in b: b
// lies in the body of a loop over xs (see LoopBodyOver).
func NonEmptyAt(b *ssa.BasicBlock) map[ssa.Value]bool {
	var set map[ssa.Value]bool
	for d := b; d != nil; d = d.Idom() {
		if xs := loopGuardOver(d); xs != nil {
			if set == nil {
				set = make(map[ssa.Value]bool)
			}
			set[xs] = true
		}
	}
	return set
}

// LoopBodyOver returns the first block of the body of the innermost loop
// over xs around b, or nil: the block that dominates b and is entered
// only from a guard "i < len(xs)", which is how go/ssa lowers a range over
// a slice, an array or a string, and how a counted loop is written.
func LoopBodyOver(b *ssa.BasicBlock, xs ssa.Value) *ssa.BasicBlock {
	for d := b; d != nil; d = d.Idom() {
		if loopGuardOver(d) == xs {
			return d
		}
	}
	return nil
}

// loopGuardOver returns xs when d is entered only from the true branch of
// "i < len(xs)", or nil.
func loopGuardOver(d *ssa.BasicBlock) ssa.Value {
	if len(d.Preds) != 1 {
		return nil
	}
	guard := d.Preds[0]
	iff, ok := guard.Instrs[len(guard.Instrs)-1].(*ssa.If)
	if !ok || guard.Succs[0] != d {
		return nil
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS {
		return nil
	}
	return LenArg(cmp.Y)
}
