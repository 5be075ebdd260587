package ssaidiom_test

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// build type-checks src, a file of package p, and returns its SSA form,
// built as leakvet's passes build it (no debug information), with go/ssa's
// own sanity checks on.
func build(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: importer.Default()}
	pkg, _, err := ssautil.BuildPackage(conf, fset, types.NewPackage(f.Name.Name, f.Name.Name), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// fn returns the function or method named name of pkg ("F", "T.M"),
// failing the test when there is none.
func fn(t *testing.T, pkg *ssa.Package, name string) *ssa.Function {
	t.Helper()
	if f := pkg.Func(name); f != nil {
		return f
	}
	for _, m := range pkg.Members {
		tn, ok := m.(*ssa.Type)
		if !ok {
			continue
		}
		for _, recv := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			mset := pkg.Prog.MethodSets.MethodSet(recv)
			for i := range mset.Len() {
				if f := pkg.Prog.MethodValue(mset.At(i)); f != nil && f.Synthetic == "" && tn.Name()+"."+f.Name() == name {
					return f
				}
			}
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

// find returns the instructions of fn (not of its closures) of type T.
func find[T ssa.Instruction](fn *ssa.Function) []T {
	var found []T
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if x, ok := instr.(T); ok {
				found = append(found, x)
			}
		}
	}
	return found
}

// only returns the one instruction of fn of type T.
func only[T ssa.Instruction](t *testing.T, fn *ssa.Function) T {
	t.Helper()
	found := find[T](fn)
	if len(found) != 1 {
		var zero T
		t.Fatalf("%s has %d instructions of type %T, want 1:\n%s", fn, len(found), zero, dump(fn))
	}
	return found[0]
}

// dump renders fn for a failure message: when go/ssa changes how it lowers
// code, the message shows how it does now.
func dump(fn *ssa.Function) string {
	var buf bytes.Buffer
	ssa.WriteFunction(&buf, fn)
	return buf.String()
}

// returned returns the constant that b's return statement returns, or "".
func returned(b *ssa.BasicBlock) string {
	ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	if !ok || len(ret.Results) != 1 {
		return ""
	}
	c, ok := ret.Results[0].(*ssa.Const)
	if !ok {
		return ""
	}
	return c.Value.String()
}
