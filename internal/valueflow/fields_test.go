package valueflow_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/leakvet/leakvet/internal/valueflow"
)

// build builds src as package p and returns it with its source functions.
func build(t *testing.T, src string) (*ssa.Package, []*ssa.Function) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, info, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", ""), []*ast.File{f}, ssa.BuilderMode(0))
	if err != nil {
		t.Fatal(err)
	}
	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, decl := range f.Decls {
		if decl, ok := decl.(*ast.FuncDecl); ok {
			add(pkg.Prog.FuncValue(info.Defs[decl.Name].(*types.Func)))
		}
	}
	return pkg, funcs
}

// trackedFields returns "Type.field" for every field the package tracks,
// with the number of its accesses, sorted.
func trackedFields(t *testing.T, src string) []string {
	pkg, funcs := build(t, src)
	p := valueflow.NewPackage(pkg, funcs)
	seen := make(map[*types.Var]bool)
	var out []string
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok {
					continue
				}
				f := p.TrackedField(v)
				if f == nil || seen[f] {
					continue
				}
				seen[f] = true
				owner := deref(v)
				out = append(out, fmt.Sprintf("%s.%s#%d", owner, f.Name(), len(p.FieldRefs(f))))
			}
		}
	}
	slices.Sort(out)
	return out
}

// deref names the struct type whose field v accesses.
func deref(v ssa.Value) string {
	var x ssa.Value
	switch v := v.(type) {
	case *ssa.FieldAddr:
		x = v.X
	case *ssa.Field:
		x = v.X
	}
	t := x.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return t.String()
}

func TestTrackedFields(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"unexported field", `package p
type s struct{ c chan int }
func New() { x := &s{c: make(chan int)}; <-x.c }
`, []string{"s.c#2"}},
		{"exported type dropped in the package", `package p
type T struct{ C chan int }
func start(t *T) { t.C = make(chan int) }
func Run() { t := &T{}; start(t); <-t.C }
`, []string{"T.C#2"}},
		{"returned by an exported constructor", `package p
type T struct{ C chan int }
func NewT() *T { return &T{C: make(chan int)} }
`, nil},
		{"through a slice in an exported result", `package p
type T struct{ C chan int }
func All() []*T { return []*T{{C: make(chan int)}} }
`, nil},
		{"stored in an exported variable", `package p
type T struct{ C chan int }
var Current *T
func set() { t := &T{C: make(chan int)}; _ = t.C }
`, nil},
		{"converted to an interface", `package p
type T struct{ C chan int }
func f() any { t := &T{C: make(chan int)}; return t }
`, nil},
		{"passed to another package", `package p
import "sync/atomic"
type T struct{ C chan int }
var p atomic.Pointer[T]
func f() { t := &T{C: make(chan int)}; p.Store(t) }
`, nil},
		{"an exported method: code outside may call it on its own value", `package p
type T struct{ C chan int }
func (t *T) Start() { t.C = make(chan int) }
`, nil},
		{"an unexported type reached through an exported field", `package p
type inner struct{ C chan int }
type Outer struct{ In *inner }
func NewOuter() *Outer { return &Outer{In: &inner{C: make(chan int)}} }
`, nil},
		{"an unexported type behind an unexported field", `package p
type inner struct{ C chan int }
type Outer struct{ in *inner }
func NewOuter() *Outer { return &Outer{in: &inner{C: make(chan int)}} }
`, []string{"Outer.in#1", "inner.C#1"}},
		{"an exported method of an escaping type hands it out", `package p
type inner struct{ C chan int }
type Outer struct{ in *inner }
func (o *Outer) Inner() *inner { return o.in }
func NewOuter() *Outer { return &Outer{in: &inner{C: make(chan int)}} }
`, []string{"Outer.in#2"}},
		{"handed to a generic helper that converts it", `package p
import "fmt"
type T struct{ C chan int }
func show[E any](x E) { fmt.Println(x) }
func f() { t := &T{C: make(chan int)}; show(t) }
`, nil},
		{"converted in a package-level initialiser", `package p
type T struct{ C chan int }
var registry = []any{&T{}}
func f() { t := &T{C: make(chan int)}; <-t.C }
`, nil},
		{"a struct converted to another type with the same fields", `package p
type T struct{ C chan int }
type U struct{ C chan int }
func f() { t := T{C: make(chan int)}; u := U(t); <-u.C }
`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := trackedFields(t, tc.src); !slices.Equal(got, tc.want) {
				t.Errorf("tracked fields %q, want %q", got, tc.want)
			}
		})
	}
}
