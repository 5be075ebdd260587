package analysisutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Source finds the syntax behind the positions that go/ssa records, so
// that diagnostics can name things as the user wrote them. The pass must
// require inspect.Analyzer. The index is built on first use: most
// packages report nothing, and then need none.
type Source struct {
	fset  *token.FileSet
	in    *inspector.Inspector
	exprs map[token.Pos]ast.Expr      // channel operands, by position of "for", "<-"
	calls map[token.Pos]*ast.CallExpr // calls by Lparen; go and defer statements' calls by keyword
	loops map[*ast.GoStmt]ast.Stmt    // innermost for or range statement around a go statement
	gos   map[token.Pos]*ast.GoStmt
	made  map[token.Pos]ast.Expr // what a make call is assigned to, by Lparen
	vars  map[token.Pos]string   // the variable a call's (first) result is assigned to, by Lparen
}

// NewSource returns the index of the files of pass, to be built on first
// use.
func NewSource(pass *analysis.Pass) *Source {
	return &Source{fset: pass.Fset, in: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)}
}

// index builds the index, once.
func (s *Source) index() {
	if s.exprs != nil {
		return
	}
	s.exprs = make(map[token.Pos]ast.Expr)
	s.calls = make(map[token.Pos]*ast.CallExpr)
	s.loops = make(map[*ast.GoStmt]ast.Stmt)
	s.gos = make(map[token.Pos]*ast.GoStmt)
	s.made = make(map[token.Pos]ast.Expr)
	s.vars = make(map[token.Pos]string)
	filter := []ast.Node{
		(*ast.RangeStmt)(nil), (*ast.ForStmt)(nil), (*ast.FuncLit)(nil),
		(*ast.UnaryExpr)(nil), (*ast.SendStmt)(nil),
		(*ast.GoStmt)(nil), (*ast.DeferStmt)(nil), (*ast.CallExpr)(nil),
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil),
	}
	var loopStack []ast.Stmt // nil entries mark function literals
	s.in.Nodes(filter, func(n ast.Node, push bool) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if push {
				s.exprs[n.For] = n.X
			}
			loopStack = pushPop(loopStack, n, push)
		case *ast.ForStmt:
			loopStack = pushPop(loopStack, n, push)
		case *ast.FuncLit:
			loopStack = pushPop(loopStack, nil, push)
		case *ast.UnaryExpr:
			if push && n.Op == token.ARROW {
				s.exprs[n.OpPos] = n.X
			}
		case *ast.SendStmt:
			if push {
				s.exprs[n.Arrow] = n.Chan
			}
		case *ast.GoStmt:
			if push {
				s.calls[n.Go] = n.Call
				s.gos[n.Go] = n
				if len(loopStack) > 0 && loopStack[len(loopStack)-1] != nil {
					s.loops[n] = loopStack[len(loopStack)-1]
				}
			}
		case *ast.DeferStmt:
			if push {
				s.calls[n.Defer] = n.Call
			}
		case *ast.CallExpr:
			if push {
				s.calls[n.Lparen] = n
			}
		case *ast.AssignStmt:
			if push && len(n.Lhs) == len(n.Rhs) {
				for i, r := range n.Rhs {
					s.recordMade(n.Lhs[i], r)
				}
			}
			if push {
				s.recordVar(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			if push && len(n.Names) == len(n.Values) {
				for i, r := range n.Values {
					s.recordMade(n.Names[i], r)
				}
			}
			if push {
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				s.recordVar(lhs, n.Values)
			}
		case *ast.KeyValueExpr:
			if push {
				s.recordMade(n.Key, n.Value)
			}
		}
		return true
	})
}

func (s *Source) recordMade(lhs, rhs ast.Expr) {
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "make" {
			s.made[call.Lparen] = lhs
		}
	}
}

// recordVar records the variable that the first result of a call is
// assigned to: v in "v := f()" and "v, err := f()".
func (s *Source) recordVar(lhs, rhs []ast.Expr) {
	if len(rhs) != 1 || len(lhs) == 0 {
		return
	}
	if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
		if id, ok := lhs[0].(*ast.Ident); ok && id.Name != "_" {
			s.vars[call.Lparen] = id.Name
		}
	}
}

// MadeName names what the result of the make call whose Lparen is at pos
// is assigned to (a variable, or a field in a composite literal), or
// returns fallback.
func (s *Source) MadeName(pos token.Pos, fallback string) string {
	s.index()
	return ExprText(s.made[pos], fallback)
}

// VarName returns the variable that the first result of the call whose
// Lparen is at pos is assigned to, or "".
func (s *Source) VarName(pos token.Pos) string {
	s.index()
	return s.vars[pos]
}

func pushPop(stack []ast.Stmt, n ast.Stmt, push bool) []ast.Stmt {
	if push {
		return append(stack, n)
	}
	return stack[:len(stack)-1]
}

// ChanExpr returns the channel operand of the range statement whose "for"
// is at pos, or of the receive or send whose arrow is at pos.
func (s *Source) ChanExpr(pos token.Pos) ast.Expr {
	s.index()
	return s.exprs[pos]
}

// ChanText names the channel operated on at pos, or returns fallback.
func (s *Source) ChanText(pos token.Pos, fallback string) string {
	return ExprText(s.ChanExpr(pos), fallback)
}

// Call returns the call whose Lparen is at pos, or the call of the go or
// defer statement whose keyword is at pos.
func (s *Source) Call(pos token.Pos) *ast.CallExpr {
	s.index()
	return s.calls[pos]
}

// GoStmt returns the go statement whose keyword is at pos.
func (s *Source) GoStmt(pos token.Pos) *ast.GoStmt {
	s.index()
	return s.gos[pos]
}

// EnclosingLoop returns the innermost for or range statement of the same
// function around the go statement g, or nil.
func (s *Source) EnclosingLoop(g *ast.GoStmt) ast.Stmt {
	s.index()
	return s.loops[g]
}

// Where describes position p as seen from position from: "line N" in the
// same file, "file.go:N" otherwise.
func (s *Source) Where(p, from token.Pos) string { return Where(s.fset, p, from) }

// Where describes position p as seen from position from: "line N" in the
// same file, "file.go:N" otherwise.
func Where(fset *token.FileSet, p, from token.Pos) string {
	pp, fp := fset.Position(p), fset.Position(from)
	if pp.Filename == fp.Filename {
		return fmt.Sprintf("line %d", pp.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(pp.Filename), pp.Line)
}

// FuncBody returns the body of a function's syntax (as ssa.Function.Syntax
// gives it), or nil.
func FuncBody(syntax ast.Node) *ast.BlockStmt {
	switch syn := syntax.(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}

// AppendNew appends to list the elements of xs it does not hold yet.
func AppendNew[T comparable](list []T, xs ...T) []T {
	for _, x := range xs {
		if !slices.Contains(list, x) {
			list = append(list, x)
		}
	}
	return list
}

// ExprText returns the source form of e, or fallback when e is nil.
func ExprText(e ast.Expr, fallback string) string {
	if e == nil {
		return fallback
	}
	return types.ExprString(ast.Unparen(e))
}
