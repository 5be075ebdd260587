package lostsignal

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/suppress"
	"github.com/leakvet/leakvet/internal/valueflow"
	"github.com/leakvet/leakvet/passes/chanflow"
)

const docURL = "https://pkg.go.dev/github.com/leakvet/leakvet/passes/lostsignal"

//go:embed doc.go
var doc string

// Analyzer reports calls and statements that drop the only way to wait for,
// or stop, a goroutine.
var Analyzer = &analysis.Analyzer{
	Name:      "lostsignal",
	Doc:       analysisutil.MustExtractDoc(doc, "lostsignal"),
	URL:       docURL,
	Requires:  []*analysis.Analyzer{chanflow.Analyzer, inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*Handles)(nil)},
}

// checker holds the state of one run of the analyzer on one package.
type checker struct {
	pass  *analysis.Pass
	pkg   *ssa.Package
	vf    *valueflow.Package
	flow  *chanflow.Result
	hasGo bool
	sums  map[*ssa.Function]*summary
	// oldFiles maps the files whose Go version is before go1.23 to it.
	oldFiles map[*token.File]string
	src      *source
	// rangeclose holds what rangeclose reports here: its goroutines are
	// not lostsignal's.
	rangeclose *rangecloseFindings
	diags      []analysis.Diagnostic
}

func run(pass *analysis.Pass) (_ any, err error) {
	// A bug here must not crash the whole vet run: turn it into an error
	// that names the function being analysed.
	var current string
	defer analysisutil.Recover(pass, &current, &err)

	// Facts make this pass run on every dependency, the standard library
	// included. Most packages start no goroutine, call no function known
	// to return a handle, and use no group, command or ticker: for them a
	// look at the syntax is all the work done, and SSA is never built.
	sc := scan(pass)
	if !sc.hasGo && !sc.callsStarters && !sc.resources {
		return nil, nil
	}
	flow := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
	in := flow.SSA()
	c := &checker{
		pass:       pass,
		pkg:        in.Pkg,
		vf:         valueflow.NewPackage(in.Pkg, in.SrcFuncs),
		flow:       flow,
		hasGo:      sc.hasGo,
		sums:       make(map[*ssa.Function]*summary),
		oldFiles:   sc.oldFiles,
		src:        newSource(pass),
		rangeclose: newRangecloseFindings(flow),
	}

	for _, fn := range in.SrcFuncs {
		current = fn.String()
		c.exportFact(fn)
	}
	for _, fn := range in.SrcFuncs {
		current = fn.String()
		if ssaidiom.IsProcessLifetime(fn) || ssaidiom.TooBig(fn) {
			continue
		}
		if sc.hasGo || sc.callsStarters {
			c.checkCalls(fn)
		}
		if sc.hasGo {
			c.checkFieldCancels(fn)
		}
		if sc.resources {
			c.checkResources(fn)
		}
	}
	slices.SortStableFunc(c.diags, func(a, b analysis.Diagnostic) int { return int(a.Pos - b.Pos) })
	for _, d := range c.diags {
		suppress.Report(pass, d)
	}
	return nil, nil
}

// exportFact exports the Handles fact of fn, an exported function or
// method some of whose results are handles on goroutines. (Facts about
// unexported functions never leave the package; within it, summaries are
// read directly.)
func (c *checker) exportFact(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() || fn.Parent() != nil || !c.hasGo || ssaidiom.TooBig(fn) {
		return
	}
	if s := c.summaryOf(fn); s != nil {
		c.pass.ExportObjectFact(obj, s.fact)
	}
}

// scanned is what a look at a package's syntax says about the work to do.
type scanned struct {
	hasGo         bool // the package has a go statement
	callsStarters bool // it calls a function of another package with a Handles fact
	resources     bool // it uses groups, commands, or (in old files) tickers
	oldFiles      map[*token.File]string
}

func scan(pass *analysis.Pass) scanned {
	sc := scanned{oldFiles: make(map[*token.File]string)}
	for _, f := range pass.Files {
		if v := pass.TypesInfo.FileVersions[f]; v != "" && version.Compare(v, "go1.23") < 0 {
			sc.oldFiles[pass.Fset.File(f.Pos())] = v
		}
		if !sc.hasGo {
			ast.Inspect(f, func(n ast.Node) bool {
				_, isGo := n.(*ast.GoStmt)
				sc.hasGo = sc.hasGo || isGo
				return !sc.hasGo
			})
		}
	}
	seen := make(map[types.Object]bool)
	for _, obj := range pass.TypesInfo.Uses {
		if seen[obj] || obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			continue
		}
		seen[obj] = true
		switch obj := obj.(type) {
		case *types.TypeName:
			sc.resources = sc.resources || resourceKindOf(obj.Type()) != noResource
		case *types.Func:
			fn := obj.Origin()
			sc.resources = sc.resources || isResourceFunc(fn, len(sc.oldFiles) > 0)
			sc.callsStarters = sc.callsStarters || pass.ImportObjectFact(fn, new(Handles))
		}
	}
	return sc
}

// report records d, to be reported once the package is done, in order.
func (c *checker) report(d analysis.Diagnostic) {
	d.URL = docURL
	c.diags = append(c.diags, d)
}
