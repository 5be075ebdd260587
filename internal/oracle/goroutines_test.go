package oracle

import (
	"go/token"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/internal/oracle/harness"
)

// A goroutine started by start, called from CaseX; the traceback carries
// its ancestors' stacks, as with GODEBUG=tracebackancestors.
const startedStack = `goroutine 9 [chan send (leaked)]:
lostsignal.start.func1()
	lostsignal/x.go:7 +0x28
created by lostsignal.start in goroutine 8
	lostsignal/x.go:6 +0x5f
[originating from goroutine 8]:
lostsignal.start(...)
	lostsignal/x.go:6 +0x5f
lostsignal.CaseX(...)
	lostsignal/x.go:13 +0x1f
`

const startedSrc = `package lostsignal

func start() chan int {
	ch := make(chan int)
	// line 5
	go func() {
		ch <- 1
	}()
	return ch
}

func CaseX() {
	start()
}
`

func TestJudgeGoroutines(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rule     WantRule
		want     int    // line of the want
		mismatch string // substring; empty if none
	}{
		{"blocking op", AtBlockingOp, 7, ""},
		{"blocking op, want at the go statement", AtBlockingOp, 6, ""},
		{"blocking op, want in the body before it blocks", AtBlockingOp, 5, "the `// want` for line 5 matches no leaked goroutine"},
		{"blocking op, want at the caller", AtBlockingOp, 13, "matches no leaked goroutine"},
		{"starting function, the call that drops the channel", InStartingFunc, 13, ""},
		{"starting function, in the function that starts it", InStartingFunc, 4, ""},
		{"starting function, want outside any function", InStartingFunc, 11, "matches no leaked goroutine"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			c, err := ParseFile(fset, "testdata/src/lostsignal/x.go", []byte(startedSrc))
			if err != nil {
				t.Fatal(err)
			}
			c.WantLines = []int{tc.want}
			rep := &harness.Report{Mode: harness.ModeProfile, Leaked: 1, LeakedStacks: []string{startedStack}}
			got := strings.Join(judgeGoroutines(c, rep, tc.rule), "; ")
			if tc.mismatch == "" && got != "" || !strings.Contains(got, tc.mismatch) {
				t.Errorf("mismatch %q, want %q", got, tc.mismatch)
			}
		})
	}
}

// TestLeakedGoroutines reads the tracebacks of both modes: the profile's,
// and goleak's report, whose goroutines are looked up in the full dump.
func TestLeakedGoroutines(t *testing.T) {
	gs := leakedGoroutines(&harness.Report{Mode: harness.ModeProfile, LeakedStacks: []string{
		startedStack + "\n" + "goroutine 10 [select (leaked)]:\nlostsignal.f()\n\tlostsignal/y.go:3 +0x1\n"}})
	if len(gs) != 2 {
		t.Fatalf("got %d goroutines, want 2", len(gs))
	}
	if got := lines(&gs[0], "lostsignal/x.go"); len(got) != 4 || got[0] != 7 || got[1] != 6 || got[3] != 13 {
		t.Errorf("lines = %v, want [7 6 6 13]", got)
	}
	if c := gs[0].Creator; c.File != "lostsignal/x.go" || c.Line != 6 {
		t.Errorf("creator = %v", c)
	}
	if gs[1].ID != 10 || len(gs[1].Stack) != 1 {
		t.Errorf("second goroutine = %+v", gs[1])
	}

	goleak := "found unexpected goroutines:\n[Goroutine 9 in state chan send, with lostsignal.start.func1 on top of the stack:\n" +
		"lostsignal.start.func1()\n\tlostsignal/x.go:7 +0x28\ncreated by lostsignal.start in goroutine 8\n\tlostsignal/x.go:6 +0x5f\n" +
		" Goroutine 11 in state sleep, with time.Sleep on top of the stack:\ntime.Sleep(0xf4240)\n\truntime/time.go:363 +0x165\n]"
	gs = leakedGoroutines(&harness.Report{Mode: harness.ModeGoleak, LingeringStacks: goleak, AllStacks: startedStack})
	if len(gs) != 2 || gs[0].ID != 9 || len(gs[0].Ancestors) != 1 || gs[1].ID != 11 {
		t.Errorf("goleak mode: %+v, want goroutine 9 with its ancestors from the full dump, and goroutine 11", gs)
	}
	gs = leakedGoroutines(&harness.Report{Mode: harness.ModeGoleak, LingeringStacks: goleak})
	if len(gs) != 2 || gs[0].ID != 9 || gs[0].State != "chan send" || len(gs[0].Stack) != 1 || gs[1].State != "sleep" {
		t.Errorf("goleak mode without the full dump: %+v, want goroutine 9 in chan send with one frame, and 11 asleep", gs)
	}
}
