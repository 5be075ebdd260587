package ssaidiom

import (
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// ConstInt returns the value of v when it is an integer constant that
// fits in an int64.
func ConstInt(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// Results returns the values that stand for result i of call: the call
// itself when it has one result, and otherwise the Extracts of component
// i of the tuple it returns, which is how go/ssa lowers the use of one of
// several results.
func Results(call ssa.CallInstruction, i int) []ssa.Value {
	v := call.Value()
	if v == nil {
		return nil
	}
	if call.Common().Signature().Results().Len() == 1 {
		return []ssa.Value{v}
	}
	var vs []ssa.Value
	for _, ref := range *v.Referrers() {
		if ext, ok := ref.(*ssa.Extract); ok && ext.Index == i {
			vs = append(vs, ext)
		}
	}
	return vs
}

// IsNilConst reports whether v is the constant nil (of any type that has
// one). It says nothing of values that are nil only at run time.
func IsNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// AlwaysNil reports whether v is nil on every execution: the constant nil,
// or a load of a local variable that nothing ever assigns ("var ch chan T"
// captured by a closure, the usual way to forget a make). go/ssa lowers a
// variable captured by a closure to an Alloc in the enclosing function,
// reached from the closure through a FreeVar bound by a MakeClosure.
func AlwaysNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return false
		}
		cell := cellOf(v.X)
		return cell != nil && neverStored(cell, map[ssa.Value]bool{})
	}
	return false
}

// cellOf returns the local variable (an Alloc) that p points to, seeing
// through closures' free variables.
func cellOf(p ssa.Value) *ssa.Alloc {
	for range 8 {
		switch v := p.(type) {
		case *ssa.Alloc:
			return v
		case *ssa.FreeVar:
			fn := v.Parent()
			idx := slices.Index(fn.FreeVars, v)
			mc := closureOf(fn)
			if idx < 0 || mc == nil || idx >= len(mc.Bindings) {
				return nil
			}
			p = mc.Bindings[idx]
		default:
			return nil
		}
	}
	return nil
}

// closureOf returns the only MakeClosure that creates fn, if there is one.
func closureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var found *ssa.MakeClosure
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if found != nil {
					return nil
				}
				found = mc
			}
		}
	}
	return found
}

// neverStored reports whether nothing is ever stored in the variable p
// points to, following it into the closures that capture it. Any other use
// of the pointer (passed to a call, stored elsewhere) may write it.
func neverStored(p ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[p] {
		return true
	}
	seen[p] = true
	refs := p.Referrers()
	if refs == nil {
		return false
	}
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn := instr.Fn.(*ssa.Function)
			for i, b := range instr.Bindings {
				if b == p && (i >= len(fn.FreeVars) || !neverStored(fn.FreeVars[i], seen)) {
					return false
				}
			}
		default:
			return false // a store, or the address handed on
		}
	}
	return true
}
