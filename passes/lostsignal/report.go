package lostsignal

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// source is the package's syntax index, with the names lostsignal's
// messages use.
type source struct{ *analysisutil.Source }

func newSource(pass *analysis.Pass) *source { return &source{analysisutil.NewSource(pass)} }

// callName renders the function a call calls, as written: "start",
// "lib.Start", "s.Start", "Async[int]".
func (s *source) callName(instr ssa.CallInstruction) string {
	if call := s.Call(instr.Pos()); call != nil {
		return types.ExprString(ast.Unparen(call.Fun))
	}
	if callee := instr.Common().StaticCallee(); callee != nil {
		return callee.Name()
	}
	return "the call"
}

// receiverName renders the receiver of a method call as written, when it
// is a variable or a field: "g" in g.Go(f), "s.wg" in s.wg.Add(1).
func (s *source) receiverName(instr ssa.CallInstruction) string {
	if call := s.Call(instr.Pos()); call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isVarExpr(sel.X) {
			return types.ExprString(ast.Unparen(sel.X))
		}
	}
	return ""
}

// isVarExpr reports whether e is a variable or a chain of field
// selections, such as wg or s.group.wg.
func isVarExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isVarExpr(e.X)
	}
	return false
}

// exitPos returns the position of an exit of fn: the return statement, or
// the closing brace of an implicit return.
func exitPos(fn *ssa.Function, exit ssa.Instruction) token.Pos {
	if exit.Pos().IsValid() {
		return exit.Pos()
	}
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body.Rbrace
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return fn.Pos()
}

// path names the path that reaches exit: "returns at line N".
func (s *source) path(fn *ssa.Function, exit ssa.Instruction, from token.Pos) string {
	at := s.Where(exitPos(fn, exit), from)
	switch {
	case !isReturn(exit):
		return "calls runtime.Goexit at " + at
	case exit.Pos().IsValid():
		return "returns at " + at
	}
	return "reaches the end of " + funcName(fn) + " at " + at
}

func isReturn(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Return)
	return ok
}

// funcName names fn, a function of the package, for a message: its name,
// or "the func literal in F".
func funcName(fn *ssa.Function) string { return ssaidiom.FuncNameOf(fn, fn.Pkg.Pkg) }

// goroutineText describes the goroutines started by the go statements
// gos, or those started by callee when they are not known.
func (s *source) goroutineText(gos []*ssa.Go, callee string, from token.Pos) string {
	if len(gos) == 0 {
		return "the goroutine " + callee + " starts"
	}
	return "the goroutine started at " + s.Where(gos[0].Pos(), from)
}

// reportDropped reports result i of call, a handle of kind k, dropped:
// discarded (exit nil), or not used on the path that reaches exit.
func (c *checker) reportDropped(call *ssa.Call, i int, k Kind, sum *summary, exit ssa.Instruction) {
	s := c.src
	name := s.callName(call)
	gos := sum.goStmts(i)
	who := s.goroutineText(gos, name, call.Pos())
	var msg, category string
	switch {
	case k.isChan() && exit == nil:
		category = "discardedchan"
		msg = fmt.Sprintf("the channel returned by %s is discarded, so %s blocks forever sending on it", name, who)
	case k.isChan():
		category = "discardedchan"
		msg = fmt.Sprintf("the channel returned by %s is not received from on the path that %s, so %s blocks forever sending on it",
			name, s.path(call.Parent(), exit, call.Pos()), who)
	case exit == nil:
		category = "discardedstop"
		msg = fmt.Sprintf("the stop function returned by %s is discarded, but calling it is the only way to end %s, which therefore never ends", name, who)
	default:
		category = "discardedstop"
		msg = fmt.Sprintf("the stop function returned by %s is not called on the path that %s, but calling it is the only way to end %s, which then never ends",
			name, s.path(call.Parent(), exit, call.Pos()), who)
	}
	d := c.resultDiagnostic(call, i, sum, category, msg)
	if exit != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: exitPos(call.Parent(), exit), Message: "the path returns here"})
	}
	if fix := c.bufferFix(call, k, sum, i); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.report(d)
}

// reportStoppedEarly reports result i of call, a stream of values, left
// by its receiver: after the receive recv, the path that reaches exit
// neither receives again nor sees the channel closed.
func (c *checker) reportStoppedEarly(call *ssa.Call, i int, sum *summary, recv, exit ssa.Instruction) {
	s := c.src
	name := s.callName(call)
	fn := call.Parent()
	d := c.resultDiagnostic(call, i, sum, "discardedchan",
		fmt.Sprintf("the loop at %s stops receiving from the channel returned by %s before it is closed, on the path that %s, so %s blocks forever sending its next value",
			s.Where(recv.Pos(), call.Pos()), name, s.path(fn, exit, call.Pos()), s.goroutineText(sum.goStmts(i), name, call.Pos())))
	d.Related = append(d.Related,
		analysis.RelatedInformation{Pos: recv.Pos(), Message: "the loop receives here"},
		analysis.RelatedInformation{Pos: exitPos(fn, exit), Message: "the path returns here"})
	c.report(d)
}

// reportFewerReceives reports result i of call, on which the goroutines
// send at least must values while the path p receives fewer.
func (c *checker) reportFewerReceives(call *ssa.Call, i int, sum *summary, must int64, p *ssaidiom.Path) {
	s := c.src
	name := s.callName(call)
	fn := call.Parent()
	got := "none is"
	switch p.Cost {
	case 0:
	case 1:
		got = "only 1 is"
	default:
		got = fmt.Sprintf("only %d are", p.Cost)
	}
	who, verb := s.goroutineText(sum.goStmts(i), name, call.Pos()), "sends"
	if n := len(sum.goStmts(i)); n > 1 {
		who, verb = fmt.Sprintf("the %d goroutines %s starts", n, name), "send"
	}
	d := c.resultDiagnostic(call, i, sum, "discardedchan",
		fmt.Sprintf("%s %s at least %d values on the channel returned by %s, but on the path that %s %s received, so one blocks forever sending",
			who, verb, must, name, s.path(fn, p.Ret, call.Pos()), got))
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: exitPos(fn, p.Ret), Message: "the path returns here"})
	c.report(d)
}

// resultDiagnostic returns a diagnostic about result i of call, at the
// call's function expression, with the go statements and the make that
// the summary knows of as related positions.
func (c *checker) resultDiagnostic(call *ssa.Call, i int, sum *summary, category, msg string) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: call.Pos(), Category: category, Message: msg}
	if ce := c.src.Call(call.Pos()); ce != nil {
		d.Pos, d.End = ce.Pos(), ce.Lparen
	}
	for _, g := range sum.goStmts(i) {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine is started here"})
	}
	if sum != nil && sum.makes[i] != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: sum.makes[i].Pos(), Message: "the channel is made here"})
	}
	return d
}

// reportResource reports the resource r, whose spawn sp starts something
// that fn does not wait for on the path that reaches exit.
func (c *checker) reportResource(r *resource, sp ssa.CallInstruction, exit ssa.Instruction) {
	s := c.src
	fn := r.owner
	var name string
	if recv, _ := methodName(sp); recv != nil && r.kind != ticker {
		name = s.receiverName(sp) // as written at the call: g, s.group
	}
	if name == "" {
		name = c.resourceName(r)
	}
	path := "is never called"
	if len(r.waits) > 0 {
		path = "is not called on the path that " + s.path(fn, exit, sp.Pos())
	}
	var msg, category string
	switch r.kind {
	case errGroup:
		category = "nowait"
		msg = fmt.Sprintf("%s.Wait %s: the goroutine started by %s is never waited for, outlives %s, and its error is lost",
			name, path, s.callName(sp), funcName(fn))
	case waitGroup:
		category = "nowait"
		who := "the goroutine started by " + s.callName(sp)
		if _, method := methodName(sp); method != "Go" {
			who = s.goroutineText(r.gos, s.callName(sp), sp.Pos())
		}
		msg = fmt.Sprintf("%s.Wait %s: %s is never waited for and outlives %s", name, path, who, funcName(fn))
	case command:
		category = "cmdwait"
		msg = fmt.Sprintf("%s.Wait %s: the process started by %s is never reaped, nor are the goroutines copying its I/O",
			name, path, s.callName(sp))
	case ticker:
		category = "timer"
		path = "is never stopped"
		if len(r.waits) > 0 {
			path = "is not stopped on the path that " + s.path(fn, exit, sp.Pos())
		}
		msg = fmt.Sprintf("%s %s %s: before Go 1.23 (this file is %s) a ticker that is not stopped is never garbage collected",
			r.kind, name, path, c.oldFiles[c.pass.Fset.File(fn.Pos())])
	}
	d := analysis.Diagnostic{Pos: sp.Pos(), Category: category, Message: msg}
	if ce := s.Call(sp.Pos()); ce != nil {
		d.Pos, d.End = ce.Pos(), ce.Lparen
	}
	for _, g := range r.gos {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine is started here"})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: exitPos(fn, exit), Message: "the path returns here without waiting"})
	c.report(d)
}

// methodName returns the receiver type's method sp calls, if any.
func methodName(sp ssa.CallInstruction) (recv types.Type, name string) {
	callee := sp.Common().StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil {
		return nil, ""
	}
	return callee.Signature.Recv().Type(), callee.Name()
}

// resourceName names the variable holding r, as declared, or else its
// type.
func (c *checker) resourceName(r *resource) string {
	if a, ok := r.made.(*ssa.Alloc); ok && ssaidiom.VarName(a) != "" {
		return ssaidiom.VarName(a)
	}
	pos := r.made.Pos()
	if ext, ok := r.made.(*ssa.Extract); ok {
		pos = ext.Tuple.Pos()
	}
	if n := c.src.VarName(pos); n != "" {
		return n
	}
	return [...]string{waitGroup: "sync.WaitGroup", errGroup: "errgroup.Group", command: "exec.Cmd", ticker: "time.Ticker"}[r.kind]
}

// reportTick reports a call of time.Tick in fn, which can return.
func (c *checker) reportTick(fn *ssa.Function, call *ssa.Call, exit ssa.Instruction) {
	s := c.src
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		Category: "timer",
		Message: fmt.Sprintf("the ticker made by time.Tick can never be stopped, and %s %s: before Go 1.23 (this file is %s) it is never garbage collected",
			funcName(fn), s.path(fn, exit, call.Pos()), c.oldFiles[c.pass.Fset.File(fn.Pos())]),
	}
	if ce := s.Call(call.Pos()); ce != nil {
		d.Pos, d.End = ce.Pos(), ce.Lparen
	}
	d.Related = []analysis.RelatedInformation{{Pos: exitPos(fn, exit), Message: "the function returns here"}}
	c.report(d)
}
