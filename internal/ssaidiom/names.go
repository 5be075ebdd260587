package ssaidiom

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// FuncName names the function fn for a message read by the author of
// package from: "F" or "M" for a function or method of from itself, and
// as a user of its package writes it ("pkg.F", "pkg.T.M") otherwise. An
// instance of a generic function is named by its origin. A nil fn is a
// function literal, which has no object: "the function literal". With a
// nil from, every name is qualified.
func FuncName(fn *types.Func, from *types.Package) string {
	if fn == nil {
		return "the function literal"
	}
	fn = fn.Origin()
	if fn.Pkg() == from {
		return fn.Name()
	}
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// VarName returns the name of the variable that a allocates, or "" when
// a allocates no variable but a value go/ssa needs: a composite literal,
// new(T), a slice, the variadic arguments of a call, a range index. go/ssa
// records either in a.Comment.
func VarName(a *ssa.Alloc) string {
	if !token.IsIdentifier(a.Comment) || syntheticAlloc[a.Comment] {
		return ""
	}
	return a.Comment
}

// syntheticAlloc holds the labels go/ssa gives allocations that are not
// variables.
var syntheticAlloc = map[string]bool{"complit": true, "new": true, "makeslice": true, "slicelit": true, "varargs": true, "rangeindex": true}

// Object returns the object of fn seen through generic instantiation (a
// wrapper's is the method it wraps), or nil for a function literal.
func Object(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Parent() != nil {
		return nil
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}
