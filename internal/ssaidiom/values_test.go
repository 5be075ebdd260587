package ssaidiom_test

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const valuesSrc = `package p

const k = 2

func Sizes(n int) (chan int, chan int, chan int) {
	return make(chan int, k+1), make(chan int), make(chan int, n)
}

func Forgotten() {
	var ch chan int
	go func() { ch <- 1 }()
}

func Assigned() {
	var ch chan int
	go func() { ch <- 1 }()
	ch = make(chan int)
}

func Local() {
	var ch chan int
	ch <- 1
}

func Err(f func() error) bool {
	return f() != nil
}
`

// TestConstInt: a channel's size is an int constant, folded by the type
// checker; no size is the constant 0.
func TestConstInt(t *testing.T) {
	f := fn(t, build(t, valuesSrc), "Sizes")
	mks := find[*ssa.MakeChan](f)
	if len(mks) != 3 {
		t.Fatalf("found %d makes, want 3:\n%s", len(mks), dump(f))
	}
	for i, want := range []struct {
		n  int64
		ok bool
	}{{3, true}, {0, true}, {0, false}} {
		if n, ok := ssaidiom.ConstInt(mks[i].Size); n != want.n || ok != want.ok {
			t.Errorf("ConstInt(size of make %d) = %d, %v; want %d, %v", i, n, ok, want.n, want.ok)
		}
	}
}

// TestNil tells the two nil checks apart: IsNilConst is the constant
// only; AlwaysNil also sees a captured variable that is never assigned,
// which go/ssa lowers to a load through the closure's free variable.
func TestNil(t *testing.T) {
	pkg := build(t, valuesSrc)
	for _, tc := range []struct {
		fn              string
		closure         bool
		isConst, always bool
	}{
		{"Forgotten", true, false, true},
		{"Assigned", true, false, false},
		{"Local", false, true, true}, // a local variable is lifted: the send is on the constant
	} {
		f := fn(t, pkg, tc.fn)
		if tc.closure {
			if len(f.AnonFuncs) != 1 {
				t.Fatalf("%s has %d closures, want 1", tc.fn, len(f.AnonFuncs))
			}
			f = f.AnonFuncs[0]
		}
		send := only[*ssa.Send](t, f)
		if got := ssaidiom.IsNilConst(send.Chan); got != tc.isConst {
			t.Errorf("%s: IsNilConst(%v) = %v, want %v:\n%s", tc.fn, send.Chan, got, tc.isConst, dump(f))
		}
		if got := ssaidiom.AlwaysNil(send.Chan); got != tc.always {
			t.Errorf("%s: AlwaysNil(%v) = %v, want %v:\n%s", tc.fn, send.Chan, got, tc.always, dump(f))
		}
	}

	f := fn(t, pkg, "Err")
	cmp := only[*ssa.BinOp](t, f)
	if cmp.Op != token.NEQ || !ssaidiom.IsNilConst(cmp.Y) || ssaidiom.IsNilConst(cmp.X) {
		t.Errorf("err != nil is not lowered to a comparison with the constant nil on the right:\n%s", dump(f))
	}
}

const resultsSrc = `package p

func two() (int, error) { return 0, nil }

func one() int { return 0 }

func Results() (int, error) {
	a, err := two()
	b := one()
	_, err2 := two()
	_ = err2
	return a + b, err
}
`

// TestResults pins how go/ssa lowers the use of one of several results:
// one Extract of the tuple the call returns per result, even for a result
// assigned to the blank identifier.
func TestResults(t *testing.T) {
	f := fn(t, build(t, resultsSrc), "Results")
	calls := find[*ssa.Call](f)
	if len(calls) != 3 {
		t.Fatalf("found %d calls, want 3:\n%s", len(calls), dump(f))
	}
	for _, tc := range []struct {
		call, i int
		want    string // the instruction types found
	}{
		{0, 0, "*ssa.Extract"}, {0, 1, "*ssa.Extract"},
		{1, 0, "*ssa.Call"},
		{2, 0, "*ssa.Extract"}, {2, 1, "*ssa.Extract"},
	} {
		var got []string
		for _, v := range ssaidiom.Results(calls[tc.call], tc.i) {
			if ext, ok := v.(*ssa.Extract); ok && (ext.Tuple != calls[tc.call] || ext.Index != tc.i) {
				t.Errorf("Results(call %d, %d) holds %v, another result", tc.call, tc.i, ext)
			}
			got = append(got, fmt.Sprintf("%T", v))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Results(call %d, %d) = %q, want %q:\n%s", tc.call, tc.i, got, tc.want, dump(f))
		}
	}
}
