package ssaidiom_test

import (
	"go/token"
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
