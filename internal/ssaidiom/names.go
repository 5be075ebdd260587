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
// func literal, which has no object: "a func literal" (FuncNameOf names
// it by the function it is in). With a nil from, every name is qualified.
func FuncName(fn *types.Func, from *types.Package) string {
	if fn == nil {
		return "a func literal"
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

// FuncNameOf names fn as FuncName does, and a func literal as a Go
// engineer looks for it, by the named function it is written in: "the
// func literal in fetch" (also for a literal nested in another).
func FuncNameOf(fn *ssa.Function, from *types.Package) string {
	if fn.Parent() == nil {
		return FuncName(Object(fn), from)
	}
	outer := fn
	for outer.Parent() != nil {
		outer = outer.Parent()
	}
	if Object(outer) == nil {
		return "a func literal" // a package-level initialiser's
	}
	return "the func literal in " + FuncName(Object(outer), from)
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
