package leakprofile

import (
	"reflect"
	"testing"
)

func TestExperimentOn(t *testing.T) {
	for exp, want := range map[string]bool{
		"":                            false,
		"goroutineleakprofile":        true,
		"jsonv2,goroutineleakprofile": true,
		"goroutineleakprofile,nogoroutineleakprofile": false,
		"nogoroutineleakprofile,goroutineleakprofile": true,
		"none":   false,
		"jsonv2": false,
	} {
		if got := ExperimentOn(exp); got != want {
			t.Errorf("ExperimentOn(%q) = %v, want %v", exp, got, want)
		}
	}
}

// dump is the shape of what the runtime writes with
// GODEBUG=tracebackancestors=N; the functions are made up.
const dump = `goroutine 1 [running]:
main.main()
	_testmain.go:50 +0xa5

goroutine 23 [chan send (leaked), 2 minutes]:
example.com/p.Leak.func1()
	/src/p/p.go:6 +0x1e
created by example.com/p.Leak in goroutine 22
	/src/p/p.go:5 +0x5f
[originating from goroutine 22]:
example.com/p.Leak(...)
	/src/p/p.go:8 +0x5f
example.com/p.TestA(...)
	/src/p/p_test.go:8 +0xf
testing.tRunner(...)
	/go/src/testing/testing.go:2039 +0xea
created by testing.(*T).Run
	/go/src/testing/testing.go:2101 +0x4c5

goroutine 26 [sync.WaitGroup.Wait]:
sync.runtime_SemacquireWaitGroup(0x0?, 0x0?)
	/go/src/runtime/sema.go:114 +0x2e
sync.(*WaitGroup).Wait(0xc000012345)
	/go/src/sync/waitgroup.go:206 +0x85
example.com/p.wait(...)
	/src/p/w.go:12 +0x1
created by example.com/p.start in goroutine 1
	/src/p/w.go:4 +0x2
`

func TestParse(t *testing.T) {
	gs := Parse(dump)
	if len(gs) != 3 {
		t.Fatalf("got %d goroutines, want 3", len(gs))
	}
	g := gs[1]
	if g.ID != 23 || g.State != "chan send" || !g.Leaked {
		t.Errorf("header: got id %d state %q leaked %v", g.ID, g.State, g.Leaked)
	}
	if want := []Frame{{"example.com/p.Leak.func1", "/src/p/p.go", 6}}; !reflect.DeepEqual(g.Stack, want) {
		t.Errorf("stack = %v, want %v", g.Stack, want)
	}
	if want := (Frame{"example.com/p.Leak", "/src/p/p.go", 5}); g.Creator != want {
		t.Errorf("creator = %v, want %v", g.Creator, want)
	}
	if len(g.Ancestors) != 1 || len(g.Ancestors[0]) != 4 || g.Ancestors[0][1].Func != "example.com/p.TestA" {
		t.Errorf("ancestors = %v", g.Ancestors)
	}
	if gs[0].Creator.Func != "" || gs[0].Leaked {
		t.Errorf("main goroutine: %+v", gs[0])
	}
	w := gs[2]
	if w.Leaked || w.State != "sync.WaitGroup.Wait" {
		t.Errorf("goroutine 26: leaked %v state %q", w.Leaked, w.State)
	}
	if got, want := Blocking(w.Stack), (Frame{"example.com/p.wait", "/src/p/w.go", 12}); got != want {
		t.Errorf("Blocking = %v, want %v", got, want)
	}
}
