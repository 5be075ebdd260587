package goroutineexit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// bufferFix returns a fix that gives the channel made by ch.Make the
// capacity capText. The callers guarantee that this capacity is at least
// the number of values ever sent, so no send can block: the goroutines
// finish, and unreceived values are collected with the channel.
func (c *checker) bufferFix(ch *chanflow.Channel, capText string) *analysis.SuggestedFix {
	call := c.src.Call(ch.Make.Pos())
	if call == nil || len(call.Args) == 0 || len(call.Args) > 2 {
		return nil
	}
	name := c.src.MadeName(ch.Make.Pos(), "")
	edit := analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", " + capText)}
	if len(call.Args) == 2 {
		edit = analysis.TextEdit{Pos: call.Args[1].Pos(), End: call.Args[1].End(), NewText: []byte(capText)}
	}
	msg := fmt.Sprintf("Give the channel a buffer of %s", capText)
	if name != "" {
		msg = fmt.Sprintf("Give %s a buffer of %s", name, capText)
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{edit}}
}

// loopCapacityFix returns a fix that sizes the channel to the number of
// goroutines the loop around s.g starts, when each sends at most one
// value and that number is an expression whose value is the same where
// the channel is made: len(xs) for a range over a slice or array
// xs, n for "range n" or "for i := 0; i < n; i++", where xs and n
// are local variables or parameters never assigned after the make, and
// the loop runs once per make.
func (c *checker) loopCapacityFix(ch *chanflow.Channel, s *senders) *analysis.SuggestedFix {
	if s.perGoroutine != 1 {
		return nil
	}
	gostmt := c.src.GoStmt(s.g.Pos())
	if gostmt == nil {
		return nil
	}
	loop := c.src.EnclosingLoop(gostmt)
	body := analysisutil.FuncBody(ch.Make.Parent().Syntax())
	if loop == nil || body == nil || !siblingAfterMake(body, ch.Make.Pos(), loop) {
		return nil
	}
	count := c.loopCount(loop)
	if count == nil || !c.stable(count, body, ch.Make.Pos()) {
		return nil
	}
	text := analysisutil.ExprText(count, "")
	if r, ok := loop.(*ast.RangeStmt); ok && !isInteger(c.pass.TypesInfo.TypeOf(r.X)) {
		text = "len(" + text + ")"
	}
	return c.bufferFix(ch, text)
}

// loopCount returns the expression that bounds how many times loop runs:
// the ranged operand, or n in "for i := 0; i < n; i++".
func (c *checker) loopCount(loop ast.Stmt) ast.Expr {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		switch c.pass.TypesInfo.TypeOf(loop.X).Underlying().(type) {
		case *types.Slice, *types.Array:
			return loop.X
		case *types.Basic:
			if isInteger(c.pass.TypesInfo.TypeOf(loop.X)) {
				return loop.X
			}
		}
	case *ast.ForStmt:
		init, ok := loop.Init.(*ast.AssignStmt)
		cond, ok2 := loop.Cond.(*ast.BinaryExpr)
		post, ok3 := loop.Post.(*ast.IncDecStmt)
		if !ok || !ok2 || !ok3 || len(init.Lhs) != 1 || len(init.Rhs) != 1 || cond.Op != token.LSS || post.Tok != token.INC {
			return nil
		}
		i, ok := init.Lhs[0].(*ast.Ident)
		zero, ok2 := init.Rhs[0].(*ast.BasicLit)
		ci, ok3 := cond.X.(*ast.Ident)
		pi, ok4 := post.X.(*ast.Ident)
		if !ok || !ok2 || zero.Value != "0" || !ok3 || !ok4 || ci.Name != i.Name || pi.Name != i.Name {
			return nil
		}
		return cond.Y
	}
	return nil
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// stable reports whether e is an identifier or constant whose value at
// the make call (at makePos) is the value the loop sees: a constant, or a
// local variable or parameter declared before makePos and never assigned,
// incremented or address-taken in body after its declaration.
func (c *checker) stable(e ast.Expr, body *ast.BlockStmt, makePos token.Pos) bool {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pos() >= makePos || v.Parent() == v.Pkg().Scope() {
		return false
	}
	written := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.RangeStmt:
			lhs = []ast.Expr{n.Key, n.Value}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			if l, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(l) == v && l.Pos() != v.Pos() {
				written = true
			}
		}
		return !written
	})
	return !written
}

// siblingAfterMake reports whether loop is a statement of the same block
// as the statement containing the make call at makePos, and comes after
// it, so that the loop runs exactly once per channel made.
func siblingAfterMake(body *ast.BlockStmt, makePos token.Pos, loop ast.Stmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		block, ok := n.(*ast.BlockStmt)
		if !ok || found {
			return !found
		}
		makeIdx, loopIdx := -1, -1
		for i, s := range block.List {
			if s.Pos() <= makePos && makePos < s.End() {
				makeIdx = i
			}
			if s == loop {
				loopIdx = i
			}
		}
		if makeIdx >= 0 && loopIdx > makeIdx {
			found = true
		}
		return !found
	})
	return found
}
