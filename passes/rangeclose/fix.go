package rangeclose

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// closeFix returns a fix that closes ch right after its sole producer's
// last send, when that is provably right:
//
//   - every send on ch is a plain send statement in the function that makes
//     it (no goroutine, callee or select sends), all inside one statement S
//     of that function's body, which follows the make;
//   - every send names the channel by the same local variable;
//   - ch is received from only by range loops (so a close cannot turn into
//     a zero value read by a plain receive).
//
// After S completes no send on ch can happen, so closing it there cannot
// panic, and it lets every range loop over ch end.
func closeFix(pass *analysis.Pass, ch *chanflow.Channel) *analysis.SuggestedFix {
	fn := ch.Make.Parent()
	if len(ch.Recvs) > 0 || len(ch.Sends) == 0 {
		return nil
	}
	body := analysisutil.FuncBody(fn.Syntax())
	if body == nil {
		return nil
	}
	var name *ast.Ident
	var stmt ast.Stmt
	for _, s := range ch.Sends {
		send, ok := s.Instr.(*ssa.Send)
		if !ok || send.Parent() != fn {
			return nil
		}
		top := topStmt(body, send.Pos())
		if top == nil || (stmt != nil && top != stmt) || top.Pos() <= ch.Make.Pos() {
			return nil
		}
		stmt = top
		id := sendChanIdent(top, send.Pos())
		if id == nil || (name != nil && pass.TypesInfo.Uses[id] != pass.TypesInfo.Uses[name]) {
			return nil
		}
		name = id
	}
	if obj := pass.TypesInfo.Uses[name]; obj == nil || obj.Pos() < body.Pos() || obj.Pos() > body.End() {
		return nil // not a local variable of the producing function
	}
	indent := strings.Repeat("\t", max(pass.Fset.Position(stmt.Pos()).Column-1, 0))
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("Close %s after the last send", name.Name),
		TextEdits: []analysis.TextEdit{{
			Pos:     stmt.End(),
			End:     stmt.End(),
			NewText: fmt.Appendf(nil, "\n%sclose(%s)", indent, name.Name),
		}},
	}
}

// topStmt returns the statement of body's own list that contains pos.
func topStmt(body *ast.BlockStmt, pos token.Pos) ast.Stmt {
	for _, s := range body.List {
		if s.Pos() <= pos && pos < s.End() {
			return s
		}
	}
	return nil
}

// sendChanIdent returns the identifier naming the channel of the send
// statement whose arrow is at pos, if the channel is named by one. Only
// the nodes that enclose pos are descended into, so that a function with
// thousands of sends is not walked once per send.
func sendChanIdent(root ast.Node, pos token.Pos) *ast.Ident {
	var id *ast.Ident
	ast.Inspect(root, func(n ast.Node) bool {
		if send, ok := n.(*ast.SendStmt); ok && send.Arrow == pos {
			id, _ = ast.Unparen(send.Chan).(*ast.Ident)
			return false
		}
		return id == nil && n != nil && n.Pos() <= pos && pos < n.End()
	})
	return id
}
