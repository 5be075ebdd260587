package valueflow_test

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/valueflow"
)

// recorder is a policy that records every operation as "kind fn ctx",
// where ctx names the go statement the code runs in, and "far" follows
// when the walk is in its far phase.
type recorder struct {
	fset *token.FileSet
	ops  []string
}

var kinds = map[valueflow.Kind]string{
	valueflow.Other: "other", valueflow.Recv: "recv", valueflow.Send: "send", valueflow.Close: "close",
	valueflow.Call: "call", valueflow.Method: "method", valueflow.Foreign: "foreign", valueflow.Return: "return",
}

func (r *recorder) Op(w *valueflow.Walk[string], _ ssa.Value, op valueflow.Op, ctx string) valueflow.Verdict {
	far := ""
	if w.Far() {
		far = "far"
	}
	r.ops = append(r.ops, strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s", kinds[op.Kind], op.Instr.Parent().Name(), ctx, far)), " "))
	switch op.Kind {
	case valueflow.Return:
		return valueflow.Follow
	case valueflow.Other, valueflow.Foreign, valueflow.Method, valueflow.Call:
		return valueflow.Escape
	}
	return valueflow.Handled
}

func (r *recorder) goName(g *ssa.Go) string {
	return fmt.Sprintf("go@%d", r.fset.Position(g.Pos()).Line)
}

func (r *recorder) Enter(call ssa.CallInstruction, _ *ssa.Function, ctx string) (string, bool) {
	if g, ok := call.(*ssa.Go); ok {
		return r.goName(g), true
	}
	return ctx, true
}

func (r *recorder) Closure(mc *ssa.MakeClosure, ctx string) ([]string, bool) {
	var ctxs []string
	for _, ref := range *mc.Referrers() {
		if g, ok := ref.(*ssa.Go); ok {
			ctxs = append(ctxs, r.goName(g))
		}
	}
	if len(ctxs) == 0 {
		ctxs = append(ctxs, ctx)
	}
	return ctxs, true
}

// walk builds src, follows the value made by the first make(chan) of the
// function named in, and returns the recorded operations and the walk.
func walk(t *testing.T, src, in string, opts valueflow.Options) ([]string, *valueflow.Walk[string]) {
	t.Helper()
	pkg, funcs := build(t, src)
	fset := pkg.Prog.Fset
	fn := pkg.Func(in)
	var mk *ssa.MakeChan
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if m, ok := instr.(*ssa.MakeChan); ok && mk == nil {
				mk = m
			}
		}
	}
	r := &recorder{fset: fset}
	w := valueflow.New(valueflow.NewPackage(pkg, funcs), r, opts)
	w.Value(mk, "")
	slices.Sort(r.ops)
	return r.ops, w
}

func TestSeesThrough(t *testing.T) {
	const src = `package p

func send(c chan<- int) { c <- 1 }

func mk() chan int { return make(chan int) }

func f(b bool) {
	ch := mk()
	var r <-chan int = ch
	if b {
		r = nil
	}
	go func() { send(ch) }()
	select {
	case <-r:
	default:
	}
	close(ch)
}
`
	ops, w := walk(t, src, "mk", valueflow.Options{})
	want := []string{"close f far", "recv f far", "return mk", "send send go@13 far"}
	if w.Escaped() || !w.Returned() || !slices.Equal(ops, want) {
		t.Errorf("escaped %v, returned %v, ops %q; want not escaped, returned, %q", w.Escaped(), w.Returned(), ops, want)
	}
}

func TestFields(t *testing.T) {
	const src = `package p

type s struct{ c chan int }

func (x *s) wait() { <-x.c }

func f() *s {
	return &s{c: make(chan int)}
}
`
	if ops, w := walk(t, src, "f", valueflow.Options{Fields: true}); w.Escaped() || !w.Kept() || !slices.Equal(ops, []string{"recv wait far"}) {
		t.Errorf("with Fields: escaped %v, ops %q; want the receive in wait", w.Escaped(), ops)
	}
	if _, w := walk(t, src, "f", valueflow.Options{}); !w.Escaped() {
		t.Errorf("without Fields: the channel stored in a field must escape")
	}
}

func TestEscapes(t *testing.T) {
	const src = `package p

var global chan int

func Exported() chan int { return make(chan int) }

func f() {
	ch := make(chan int)
	global = ch
	<-ch
}
`
	for _, fn := range []string{"f", "Exported"} {
		if _, w := walk(t, src, fn, valueflow.Options{}); !w.Escaped() {
			t.Errorf("%s: the channel must escape", fn)
		}
	}
	// Lenient: the escape is ignored and the receive still recorded.
	if ops, w := walk(t, src, "f", valueflow.Options{Lenient: true}); w.Escaped() || !slices.Equal(ops, []string{"recv f"}) {
		t.Errorf("lenient: escaped %v, ops %q; want not escaped, the receive", w.Escaped(), ops)
	}
}

func TestGlobals(t *testing.T) {
	const src = `package p

var pending chan int

var Shared chan int

func f() {
	ch := make(chan int)
	pending = ch
	go func() { ch <- 1 }()
}

func g() int { return <-pending }

func h() {
	ch := make(chan int)
	Shared = ch
}
`
	ops, w := walk(t, src, "f", valueflow.Options{Globals: true})
	if want := []string{"recv g far", "send f$1 go@10"}; w.Escaped() || !slices.Equal(ops, want) {
		t.Errorf("with Globals: escaped %v, ops %q; want %q", w.Escaped(), ops, want)
	}
	if _, w := walk(t, src, "f", valueflow.Options{}); !w.Escaped() {
		t.Errorf("without Globals: the channel stored in a global must escape")
	}
	if _, w := walk(t, src, "h", valueflow.Options{Globals: true}); !w.Escaped() {
		t.Errorf("an exported global must let the channel escape")
	}
}

// TestPhases checks that what the function holding the value does with
// it is complete even when the value escapes from a caller it is returned
// to, and that an escape near it is told apart.
func TestPhases(t *testing.T) {
	const src = `package p

func Exported() chan int {
	ch := make(chan int)
	go func() { ch <- 1 }()
	return ch
}

func Stored() chan int {
	ch := make(chan int)
	var i any = ch
	_ = i
	go func() { ch <- 1 }()
	return ch
}
`
	ops, w := walk(t, src, "Exported", valueflow.Options{})
	if want := []string{"return Exported", "send Exported$1 go@5"}; !w.Escaped() || !w.EscapedFar() || !slices.Equal(ops, want) {
		t.Errorf("Exported: escaped %v, far %v, ops %q; want escaped in the far phase, %q", w.Escaped(), w.EscapedFar(), ops, want)
	}
	if _, w := walk(t, src, "Stored", valueflow.Options{}); !w.Escaped() || w.EscapedFar() {
		t.Errorf("Stored: escaped %v, far %v; want escaped near", w.Escaped(), w.EscapedFar())
	}
}
