package rangeclose

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/suppress"
	"github.com/leakvet/leakvet/passes/chanflow"
)

const docURL = "https://pkg.go.dev/github.com/leakvet/leakvet/passes/rangeclose"

//go:embed doc.go
var doc string

// Analyzer reports range loops over channels that are never closed.
var Analyzer = &analysis.Analyzer{
	Name:     "rangeclose",
	Doc:      analysisutil.MustExtractDoc(doc, "rangeclose"),
	URL:      docURL,
	Requires: []*analysis.Analyzer{chanflow.Analyzer, inspect.Analyzer},
	Run:      run,
}

// finding is one loop that never ends, with every make site and go
// statement that leads to it.
type finding struct {
	rng   *chanflow.Range
	makes []*ssa.MakeChan
	gos   []*ssa.Go
	sent  bool
	fix   *analysis.SuggestedFix
}

func run(pass *analysis.Pass) (_ any, err error) {
	var current string
	defer analysisutil.Recover(pass, &current, &err)
	flow := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)

	var order []token.Pos
	findings := make(map[token.Pos]*finding)
	for _, ch := range flow.Channels {
		current = ch.Make.Parent().String()
		if ch.Owner() != chanflow.RangeClose {
			continue
		}
		for _, r := range ch.Ranges {
			pos := r.Pos()
			f, ok := findings[pos]
			if !ok {
				f = &finding{rng: r}
				findings[pos] = f
				order = append(order, pos)
			}
			f.makes = analysisutil.AppendNew(f.makes, ch.Make)
			f.gos = analysisutil.AppendNew(f.gos, goStmts(flow, r)...)
			f.sent = f.sent || len(ch.Sends) > 0
			if f.fix == nil && len(f.makes) == 1 {
				f.fix = closeFix(pass, ch)
			} else if len(f.makes) > 1 {
				f.fix = nil // several channels meet here: no single place to close
			}
		}
	}

	var skipped []*skippedClose
	for _, ch := range flow.Channels {
		current = ch.Make.Parent().String()
		skipped = append(skipped, findSkippedClose(ch)...)
	}
	if len(order) == 0 && len(skipped) == 0 {
		return nil, nil
	}
	src := newSource(pass)
	for _, pos := range order {
		suppress.Report(pass, src.diagnostic(findings[pos]))
	}
	reported := make(map[token.Pos]bool)
	for _, k := range skipped {
		if pos := k.rng.Pos(); !reported[pos] {
			reported[pos] = true
			suppress.Report(pass, src.skippedDiagnostic(k))
		}
	}
	return nil, nil
}

// goStmts returns the go statements that start the goroutine running r:
// the one the channel was followed through, or else those that start the
// function containing the loop.
func goStmts(flow *chanflow.Result, r *chanflow.Range) []*ssa.Go {
	if r.Go != nil {
		return []*ssa.Go{r.Go}
	}
	if r.Recv != nil {
		return flow.GoSites(r.Recv.Parent())
	}
	if g, ok := r.Call.(*ssa.Go); ok {
		return []*ssa.Go{g}
	}
	return nil
}

// source wraps analysisutil.Source with what rangeclose reports.
type source struct {
	*analysisutil.Source
}

func newSource(pass *analysis.Pass) *source {
	return &source{analysisutil.NewSource(pass)}
}

// diagnostic builds the report of f.
func (s *source) diagnostic(f *finding) analysis.Diagnostic {
	r := f.rng
	pos := r.Pos()
	var what, loop string
	switch call, isCall := ast.Unparen(s.ChanExpr(pos)).(*ast.CallExpr); {
	case r.Recv != nil && isCall:
		// A generator's result: name the channel by the call.
		loop = fmt.Sprintf("range over the channel returned by %s", analysisutil.ExprText(call, ""))
		what = "it"
	case r.Recv != nil:
		what = s.ChanText(pos, "channel")
		loop = fmt.Sprintf("range over channel %s", what)
	default:
		what = s.argText(r)
		loop = fmt.Sprintf("range over channel %s in %s", what, ssaidiom.FuncName(r.Callee, nil))
	}

	var who string
	switch {
	case r.Recv == nil && r.Async && !isGo(r.Call):
		who = fmt.Sprintf("the goroutine that %s starts", ssaidiom.FuncName(r.Callee, nil))
	case r.Recv == nil && isGo(r.Call):
		who = "the goroutine started here"
	case r.Recv == nil:
		who = "this call"
	case len(f.gos) > 0:
		who = "the goroutine started at " + s.Where(f.gos[0].Pos(), pos)
	default:
		who = "this loop"
	}

	var msg string
	if f.sent {
		msg = fmt.Sprintf("%s never ends: %s is never closed, so %s blocks forever after receiving the last value", loop, what, who)
	} else {
		msg = fmt.Sprintf("%s never ends: %s is never closed and nothing sends on it, so %s blocks forever", loop, what, who)
	}

	d := analysis.Diagnostic{
		Pos:      pos,
		Category: "neverclosed",
		Message:  msg,
		URL:      docURL,
	}
	for _, mk := range f.makes {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: mk.Pos(), Message: s.MadeName(mk.Pos(), "the channel") + " is made here and never closed"})
	}
	for _, g := range f.gos {
		if g.Pos() != pos {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine that ranges over the channel is started here"})
		}
	}
	if f.fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*f.fix}
	}
	return d
}

// argText names the channel that r.Call hands to r.Callee, as written in
// the call.
func (s *source) argText(r *chanflow.Range) string {
	call := s.Call(r.Call.Pos())
	if call == nil {
		return "the channel"
	}
	// go/ssa passes a static method's receiver as argument 0.
	i := r.Arg - (len(r.Call.Common().Args) - len(call.Args))
	if i < 0 || i >= len(call.Args) || call.Ellipsis.IsValid() {
		return "the channel"
	}
	return analysisutil.ExprText(call.Args[i], "the channel")
}

func isGo(c ssa.CallInstruction) bool {
	_, ok := c.(*ssa.Go)
	return ok
}
