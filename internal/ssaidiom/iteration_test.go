package ssaidiom_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const iterSrc = `package p

func PerIteration(n int) {
	for i := 0; i < n; i++ {
		ch := make(chan int, 1)
		if i > 2 {
			continue
		}
		for range 2 {
			<-ch
		}
	}
}

func Forever(c func() bool) {
	for {
		ch := make(chan int, 1)
		if c() {
			continue
		}
		<-ch
		return
	}
}
`

// TestInLoopAvoiding: a channel made in a loop is new in each iteration:
// the receive of the inner loop runs twice for the same channel, the make
// never does.
func TestInLoopAvoiding(t *testing.T) {
	f := fn(t, build(t, iterSrc), "PerIteration")
	mk := only[*ssa.MakeChan](t, f)
	recv := receives(f)
	if len(recv) != 1 {
		t.Fatalf("found %d receives, want 1:\n%s", len(recv), dump(f))
	}
	if !ssaidiom.InLoop(mk.Block()) {
		t.Fatalf("the make is in no loop:\n%s", dump(f))
	}
	if ssaidiom.InLoopAvoiding(mk.Block(), mk.Block()) {
		t.Error("the make's block repeats without the make")
	}
	if !ssaidiom.InLoopAvoiding(recv[0].Block(), mk.Block()) {
		t.Error("the inner loop's receive does not repeat for one channel")
	}
	if ssaidiom.InLoopAvoiding(recv[0].Block(), nil) != ssaidiom.InLoop(recv[0].Block()) {
		t.Error("InLoopAvoiding(b, nil) differs from InLoop(b)")
	}
}

// TestCheapestExitStop: a path that comes back to the make ends there, at
// the cost it had, as the next iteration drops the channel.
func TestCheapestExitStop(t *testing.T) {
	f := fn(t, build(t, iterSrc), "Forever")
	mk := only[*ssa.MakeChan](t, f)
	w := ssaidiom.NewWeights()
	for _, r := range receives(f) {
		w.Add(r, 1)
	}
	if p := ssaidiom.CheapestExit(mk, w.After(mk), w.Edge, nil); p == nil || p.Cost != 1 || p.Ret == nil {
		t.Fatalf("cheapest return = %+v, want the return after the receive:\n%s", p, dump(f))
	}
	stop := func(b *ssa.BasicBlock) bool { return b == mk.Block() }
	p := ssaidiom.CheapestExit(mk, w.After(mk), w.Edge, stop)
	if p == nil || p.Cost != 0 || p.Ret != nil || p.Stop != mk.Block() {
		t.Fatalf("cheapest exit = %+v, want the continue back to the make at cost 0:\n%s", p, dump(f))
	}
}
