package chanflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds the SSA form of the package exactly as the buildssa pass
// does. It is repeated here because buildssa, once required, runs on every
// package that chanflow runs on (all dependencies, because chanflow has
// facts), while chanflow only needs SSA for packages that use channels or
// that leakvet's passes inspect.
func buildSSA(fset *token.FileSet, pkg *types.Package, files []*ast.File, info *types.Info, cfgs *ctrlflow.CFGs) *buildssa.SSA {
	prog := ssa.NewProgram(fset, ssa.BuilderMode(0))
	prog.SetNoReturn(cfgs.NoReturn)
	for _, p := range pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	ssapkg := prog.CreatePackage(pkg, files, info, false)
	ssapkg.Build()

	// Source functions, including literals, in source order.
	var funcs []*ssa.Function
	var addAnons func(f *ssa.Function)
	addAnons = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			addAnons(anon)
		}
	}
	for _, file := range files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := info.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				addAnons(f)
			}
		}
	}
	return &buildssa.SSA{Pkg: ssapkg, SrcFuncs: funcs}
}
