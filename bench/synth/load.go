package synth

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Source is one package to load: its import path and the source of its
// files, by file name.
type Source struct {
	Path  string
	Files map[string]string
	// Order lists the file names in the order to parse them; when empty,
	// Files must have one entry.
	Order []string
}

// A Loader type-checks packages in memory. Standard-library imports come
// from the compiler's export data, and are not analysed; the packages
// loaded earlier by the same Loader can be imported by later ones, and are
// analysed too, so facts flow between them. Loaders may be used from
// several goroutines.
type Loader struct {
	Fset *token.FileSet

	local map[string]*packages.Package
}

// The standard library's packages are imported once per process, and
// shared by all loaders, as is the file set.
var (
	stdMu   sync.Mutex
	stdFset = token.NewFileSet()
	std     = importer.ForCompiler(stdFset, "gc", nil)
)

// NewLoader returns a loader with no package loaded.
func NewLoader() *Loader {
	return &Loader{Fset: stdFset, local: make(map[string]*packages.Package)}
}

// Import implements types.Importer.
func (l *Loader) Import(path string) (*types.Package, error) {
	if p, ok := l.local[path]; ok {
		return p.Types, nil
	}
	return std.Import(path)
}

// Load parses and type-checks src. The result can be handed to
// checker.Analyze: it has everything that go/packages' LoadAllSyntax mode
// provides.
func (l *Loader) Load(src Source) (*packages.Package, error) {
	stdMu.Lock()
	defer stdMu.Unlock()

	order := src.Order
	if len(order) == 0 {
		for name := range src.Files {
			order = append(order, name)
		}
	}
	var files []*ast.File
	for _, name := range order {
		f, err := parser.ParseFile(l.Fset, name, src.Files[name], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}

	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var errs []error
	conf := types.Config{
		Importer:  l,
		GoVersion: "go1.26",
		Sizes:     types.SizesFor("gc", "amd64"),
		Error:     func(err error) { errs = append(errs, err) },
	}
	tpkg, _ := conf.Check(src.Path, l.Fset, files, info)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	pkg := &packages.Package{
		ID:         src.Path,
		Name:       tpkg.Name(),
		PkgPath:    src.Path,
		GoFiles:    order,
		Fset:       l.Fset,
		Syntax:     files,
		Types:      tpkg,
		TypesInfo:  info,
		TypesSizes: conf.Sizes,
		Imports:    make(map[string]*packages.Package),
	}
	for _, imp := range tpkg.Imports() {
		if p, ok := l.local[imp.Path()]; ok {
			pkg.Imports[imp.Path()] = p
		}
	}
	l.local[src.Path] = pkg
	return pkg, nil
}

// Result is what one analysis of a package found.
type Result struct {
	Diagnostics int
	Errors      []error // one per failed action, naming the analyzer and package
}

// Analyze runs the analyzers (with their requirements) on pkgs and on the
// loaded packages they import, and counts the diagnostics reported on pkgs.
// A panic in an analyzer is not recovered: it crashes the caller, which is
// what a fuzz target wants to see.
func Analyze(analyzers []*analysis.Analyzer, pkgs ...*packages.Package) (Result, error) {
	graph, err := checker.Analyze(analyzers, pkgs, &checker.Options{})
	if err != nil {
		return Result{}, err
	}
	var res Result
	for act := range graph.All() {
		if act.Err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("%s: %v", act, act.Err))
		}
	}
	for _, act := range graph.Roots {
		res.Diagnostics += len(act.Diagnostics)
	}
	return res, nil
}
