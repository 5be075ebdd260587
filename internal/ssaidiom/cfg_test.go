package ssaidiom_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

const cfgSrc = `package p

import (
	"os"
	"runtime"
)

type T struct{}

func (T) M(ch chan int) { <-ch }

func Loop(ch chan int) {
	println()
	for range 3 {
		<-ch
	}
}

func Exit() {
	runtime.Goexit()
}

func Blocks() {
	select {}
}

func Fatal() {
	os.Exit(1)
}

func Gos(t T, ch chan int) {
	go Loop(ch)
	go func() {}()
	go t.M(ch)
	f := t.M
	go f(ch)
}

func init() {
	go func() {}()
}
`

const mainSrc = `package main

func main() {
	go func() {}()
}

func F() {
	go func() {}()
}
`

func TestLoops(t *testing.T) {
	f := fn(t, build(t, cfgSrc), "Loop")
	recv := receives(f)
	if len(recv) != 1 {
		t.Fatalf("found %d receives, want 1", len(recv))
	}
	if !ssaidiom.InLoop(recv[0].Block()) || ssaidiom.Cycle(recv[0].Block()) == nil {
		t.Errorf("the receive in a loop is not on a cycle:\n%s", dump(f))
	}
	if ssaidiom.InLoop(f.Blocks[0]) || ssaidiom.Cycle(f.Blocks[0]) != nil {
		t.Errorf("the entry block is on a cycle:\n%s", dump(f))
	}
	if r := ssaidiom.Reachable(f.Blocks[0], ssaidiom.Succs); len(r) != len(f.Blocks) {
		t.Errorf("%d of %d blocks reachable from the entry", len(r), len(f.Blocks))
	}
}

// TestBlocksReachingReturn: a return or a runtime.Goexit ends a
// goroutine; a blocking select with no cases and os.Exit (a no-return
// function, as ctrlflow marks it and buildssa lowers it) end in a panic,
// which does not count.
func TestBlocksReachingReturn(t *testing.T) {
	pkg := build(t, cfgSrc)
	for name, want := range map[string]bool{"Loop": true, "Exit": true, "Blocks": false} {
		f := fn(t, pkg, name)
		if got := ssaidiom.BlocksReachingReturn(f)[f.Blocks[0]]; got != want {
			t.Errorf("%s: entry reaches a return = %v, want %v:\n%s", name, got, want, dump(f))
		}
	}
	exit := fn(t, pkg, "Exit")
	if !slices.ContainsFunc(exit.Blocks[0].Instrs, ssaidiom.IsGoexit) {
		t.Errorf("no call of runtime.Goexit found:\n%s", dump(exit))
	}
	if slices.ContainsFunc(fn(t, pkg, "Fatal").Blocks[0].Instrs, ssaidiom.IsGoexit) {
		t.Error("os.Exit taken for runtime.Goexit")
	}
}

// TestGoroutineFunc: the function a go statement runs, seen through the
// wrapper go/ssa makes for a bound method value ("f := t.M; go f()").
func TestGoroutineFunc(t *testing.T) {
	pkg := build(t, cfgSrc)
	f := fn(t, pkg, "Gos")
	gos := find[*ssa.Go](f)
	m := fn(t, pkg, "T.M")
	want := []*ssa.Function{fn(t, pkg, "Loop"), f.AnonFuncs[0], m, m}
	if len(gos) != len(want) {
		t.Fatalf("found %d go statements, want %d", len(gos), len(want))
	}
	for i, g := range gos {
		if got := ssaidiom.GoroutineFunc(g); got != want[i] {
			t.Errorf("GoroutineFunc(%v) = %v, want %v", g, got, want[i])
		}
	}
}

func TestIsProcessLifetime(t *testing.T) {
	pkg, main := build(t, cfgSrc), build(t, mainSrc)
	for name, want := range map[string]bool{"main.main": true, "main.F": false, "p.init#1": true, "p.Gos": false} {
		p := pkg
		if strings.HasPrefix(name, "main.") {
			p = main
		}
		f := p.Func(name[strings.Index(name, ".")+1:])
		if f == nil {
			t.Fatalf("no function %s", name)
		}
		if got := ssaidiom.IsProcessLifetime(f); got != want {
			t.Errorf("IsProcessLifetime(%s) = %v, want %v", name, got, want)
		}
		if lit := f.AnonFuncs; len(lit) > 0 && ssaidiom.IsProcessLifetime(lit[0]) != want {
			t.Errorf("IsProcessLifetime(closure of %s) = %v, want %v", name, !want, want)
		}
	}
}

// TestMayEndGoroutine: panic, os.Exit and log.Fatal end the goroutine or
// the process without a return; go/ssa's own panic after a select does
// not count.
func TestMayEndGoroutine(t *testing.T) {
	pkg := build(t, `package p

import (
	"log"
	"os"
)

func Panics(b bool) { if b { panic("x") } }
func Exits(b bool)  { if b { os.Exit(1) } }
func Fatal(b bool)  { if b { log.Fatalf("%v", b) } }
func Returns(c chan int) int {
	select {
	case v := <-c:
		return v
	case c <- 1:
		return 0
	}
}
`)
	for name, want := range map[string]bool{"Panics": true, "Exits": true, "Fatal": true, "Returns": false} {
		if got := ssaidiom.MayEndGoroutine(fn(t, pkg, name)); got != want {
			t.Errorf("MayEndGoroutine(%s) = %v, want %v", name, got, want)
		}
	}
}
