package goroutineexit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/suppress"
	"github.com/leakvet/leakvet/internal/valueflow"
	"github.com/leakvet/leakvet/passes/chanflow"
)

const docURL = "https://pkg.go.dev/github.com/leakvet/leakvet/passes/goroutineexit"

//go:embed doc.go
var doc string

// Analyzer reports goroutines that can never finish.
var Analyzer = &analysis.Analyzer{
	Name:     "goroutineexit",
	Doc:      analysisutil.MustExtractDoc(doc, "goroutineexit"),
	URL:      docURL,
	Requires: []*analysis.Analyzer{chanflow.Analyzer, inspect.Analyzer},
	Run:      run,
}

// checker holds the state of one run.
type checker struct {
	pass *analysis.Pass
	flow *chanflow.Result
	src  *analysisutil.Source
	// vf is the package as the value-flow engine sees it: which struct
	// fields only the package accesses, and where (shared by the one-sided
	// channels' and the sync values' checks).
	vf *valueflow.Package

	// reported records the go statements whose goroutine already has a
	// finding: one leak, one diagnostic.
	reported map[*ssa.Go]bool
	diags    []analysis.Diagnostic
	once     *onceIndex
	calls    map[*ssa.Function][]*ssa.Call // static calls by callee, see callsOf
}

func run(pass *analysis.Pass) (_ any, err error) {
	var current string
	defer analysisutil.Recover(pass, &current, &err)
	flow := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
	if len(flow.Channels) == 0 && !hasGoStmt(pass) && !waitsOnSyncOrTimer(pass) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		flow:     flow,
		src:      analysisutil.NewSource(pass),
		vf:       valueflow.NewPackage(flow.SSA().Pkg, flow.SSA().SrcFuncs),
		reported: make(map[*ssa.Go]bool),
	}
	for _, ch := range flow.Channels {
		current = ch.Make.Parent().String()
		if ch.Owner() != chanflow.GoroutineExit {
			if closedRanges(ch) {
				c.forgottenSender(ch)
			}
			continue // unknown, intended, rangeclose's or lostsignal's to judge
		}
		c.forgottenSender(ch)
		c.abandonedReceiver(ch)
		c.skippedSignal(ch)
	}
	current = ""
	c.oneSided()
	c.noExit()
	c.syncWaits()
	c.timerDrains()
	c.counterparts()

	sort.SliceStable(c.diags, func(i, j int) bool { return c.diags[i].Pos < c.diags[j].Pos })
	for _, d := range c.diags {
		suppress.Report(pass, d)
	}
	return nil, nil
}

// hasGoStmt reports whether the package contains a go statement: a
// package without channels and without go statements has nothing for this
// analyzer, and its SSA need not be built.
func hasGoStmt(pass *analysis.Pass) bool {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for range in.Root().Preorder((*ast.GoStmt)(nil)) {
		return true
	}
	return false
}

// waitsOnSyncOrTimer reports whether the package calls the Wait method of
// a sync.WaitGroup or sync.Cond, or the Stop method of a time.Timer, which
// syncWaits and timerDrains judge even in a package without channels or go
// statements.
func waitsOnSyncOrTimer(pass *analysis.Pass) bool {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range in.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := n.Node().(*ast.SelectorExpr)
		if sel.Sel.Name != "Wait" && sel.Sel.Name != "Stop" {
			continue
		}
		if fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil {
			switch path := fn.Pkg().Path(); {
			case path == "sync" && sel.Sel.Name == "Wait", path == "time" && sel.Sel.Name == "Stop":
				return true
			}
		}
	}
	return false
}

// report records a diagnostic about the goroutine started by g.
func (c *checker) report(g *ssa.Go, d analysis.Diagnostic) {
	if c.reported[g] {
		return
	}
	c.reported[g] = true
	d.URL = docURL
	if g.Pos() != d.Pos {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine is started here"})
	}
	c.diags = append(c.diags, d)
}

// related returns the related position of the make call of ch.
func makeRelated(ch *chanflow.Channel, name string) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: ch.Make.Pos(), Message: fmt.Sprintf("%s is made here%s", name, capacityText(ch))}
}

func capacityText(ch *chanflow.Channel) string {
	k, ok := capacity(ch.Make)
	switch {
	case !ok:
		return ""
	case k == 0:
		return ", unbuffered"
	default:
		return fmt.Sprintf(", with capacity %d", k)
	}
}

// capacity returns the constant capacity of the channel made by mk.
func capacity(mk *ssa.MakeChan) (int, bool) {
	k, ok := ssaidiom.ConstInt(mk.Size)
	if !ok || k < 0 || k > 1<<20 {
		return 0, false
	}
	return int(k), true
}

// giveUp describes where the path p gives up on the channel: the last
// select on the path that waits on the channel (one of the cases in ours)
// and takes another case, since every select before it may still be
// followed by a receive on other paths; or else the return it reaches. It
// returns the description and the position to relate.
//
// Lines are given as seen from the finding at from.
func (c *checker) giveUp(p *ssaidiom.Path, ours map[*ssa.Select]map[int]bool, verb string, from token.Pos) (string, token.Pos) {
	var last *ssa.Select
	lastCase := 0
	var lastBlock *ssa.BasicBlock
	for i, b := range p.Blocks {
		for _, instr := range b.Instrs {
			sel, ok := instr.(*ssa.Select)
			if !ok || ours[sel] == nil {
				continue
			}
			if c, ok := caseTaken(sel, p.Blocks[i:]); ok && !ours[sel][c.Index] {
				last, lastCase, lastBlock = sel, c.Index, c.Body
			}
		}
	}
	if last != nil {
		at := "the select"
		if len(ours) > 1 {
			at = "the select at " + c.src.Where(last.Pos(), from)
		}
		if lastCase < 0 {
			return fmt.Sprintf("if %s takes its default case, %s", at, verb), lastBlock.Instrs[0].Pos()
		}
		st := last.States[lastCase]
		return fmt.Sprintf("if %s takes %s, %s", at, c.caseText(st), verb), st.Pos
	}
	if p.Ret == nil {
		// The path goes back to the make: the next iteration makes the
		// channel anew and drops this one.
		at := firstPos(p.Stop)
		if !at.IsValid() {
			return fmt.Sprintf("on the path that goes on to the next iteration of the loop, %s", verb), token.NoPos
		}
		return fmt.Sprintf("on the path that goes on to the next iteration of the loop at %s, %s", c.src.Where(at, from), verb), at
	}
	if p.Ret.Pos().IsValid() {
		return fmt.Sprintf("on the path that returns at %s, %s", c.src.Where(p.Ret.Pos(), from), verb), p.Ret.Pos()
	}
	return fmt.Sprintf("on the path that reaches the end of %s, %s", ssaidiom.FuncNameOf(p.Ret.Parent(), c.pass.Pkg), verb), token.NoPos
}

// firstPos returns the position of the first instruction of b that has
// one.
func firstPos(b *ssa.BasicBlock) token.Pos {
	for _, instr := range b.Instrs {
		if instr.Pos().IsValid() {
			return instr.Pos()
		}
	}
	return token.NoPos
}

// caseTaken returns the case of sel that the path blocks, which starts at
// sel's block, takes: the first edge on it into a case's body. Edges, not
// blocks, tell the cases apart, since the empty bodies of several cases
// share the block after the select.
func caseTaken(sel *ssa.Select, blocks []*ssa.BasicBlock) (ssaidiom.Case, bool) {
	cases := ssaidiom.SelectCases(sel)
	for j := 0; j+1 < len(blocks); j++ {
		for _, c := range cases {
			if from, to := c.Edge(); from == blocks[j] && to == blocks[j+1] {
				return c, true
			}
		}
	}
	return ssaidiom.Case{}, false
}

// inLoop reports whether instr's block lies on a cycle.
func inLoop(instr ssa.Instruction) bool { return ssaidiom.InLoop(instr.Block()) }
