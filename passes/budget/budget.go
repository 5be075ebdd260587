package budget

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/suppress"
	"github.com/leakvet/leakvet/passes/chanflow"
)

//go:embed doc.go
var doc string

// Analyzer reports the functions over the size budget, when asked to.
var Analyzer = &analysis.Analyzer{
	Name:     "budget",
	Doc:      analysisutil.MustExtractDoc(doc, "budget"),
	URL:      "https://pkg.go.dev/github.com/leakvet/leakvet/passes/budget",
	Requires: []*analysis.Analyzer{chanflow.Analyzer},
	Run:      run,
}

// Category is the category of the diagnostics of Analyzer.
const Category = "skipped"

// report is the -budget.report flag.
var report bool

func init() {
	Analyzer.Flags.BoolVar(&report, "report", false, `report the functions over the size budget, which are not analysed, as findings of category "skipped"`)
}

func run(pass *analysis.Pass) (_ any, err error) {
	var current string
	defer analysisutil.Recover(pass, &current, &err)
	if !report || !mayBeTooBig(pass.Files) {
		return nil, nil
	}
	for _, fn := range pass.ResultOf[chanflow.Analyzer].(*chanflow.Result).SSA().SrcFuncs {
		current = fn.String()
		if ssaidiom.TooBig(fn) {
			suppress.Report(pass, analysis.Diagnostic{
				Pos:      fn.Pos(),
				Category: Category,
				Message:  fmt.Sprintf("%s is not analysed for leaks: its %d blocks are over the size budget of %d", describe(pass, fn), len(fn.Blocks), ssaidiom.MaxBlocks),
			})
		}
	}
	return nil, nil
}

// mayBeTooBig reports whether a function declared in files may have more
// blocks than the budget allows. It spares building the SSA form of
// packages where none can, when no other pass needed it: the blocks of a
// function come from its branches, and across the standard library and
// golang.org/x/tools no function has more than two blocks per branch (plus
// two), so four per branch is a wide margin. Long straight-line functions,
// such as generated arithmetic, are thereby passed over.
func mayBeTooBig(files []*ast.File) bool {
	for _, f := range files {
		for _, decl := range f.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if ok && decl.Body != nil && 4*(branches(decl.Body)+1)+2 > ssaidiom.MaxBlocks {
				return true
			}
		}
	}
	return false
}

// branches counts the syntax that makes blocks in body, its function
// literals included: statements that branch or loop, each value of a
// switch case, && and ||, and calls (which may not return).
func branches(body *ast.BlockStmt) int {
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.CaseClause:
			n += max(1, len(node.List))
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.CommClause, *ast.LabeledStmt,
			*ast.BranchStmt, *ast.ReturnStmt, *ast.CallExpr, *ast.SelectStmt, *ast.SwitchStmt,
			*ast.TypeSwitchStmt, *ast.DeferStmt:
			n++
		case *ast.BinaryExpr:
			if node.Op == token.LAND || node.Op == token.LOR {
				n++
			}
		}
		return true
	})
	return n
}

// describe names fn for a message: its name, with its receiver for a
// method, or the function that a function literal is in.
func describe(pass *analysis.Pass, fn *ssa.Function) string {
	if fn.Parent() == nil {
		return fn.RelString(pass.Pkg)
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return "the func literal in " + fn.RelString(pass.Pkg)
}
