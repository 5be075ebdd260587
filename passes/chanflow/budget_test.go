package chanflow_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/goroutineexit"
	"github.com/leakvet/leakvet/passes/rangeclose"
)

// A stateMachine is a leak that the generated functions of the tests
// below start with, followed by a state machine: a switch with a channel
// operation or a return in every case.
type stateMachine struct {
	analyzer *analysis.Analyzer
	head     string // the leak, with %s for the // want comment
	branch   string // one case of the switch, with %d for its number
	tail     string
	want     string
}

var stateMachines = []stateMachine{{
	analyzer: rangeclose.Analyzer,
	head:     "\tticks := make(chan int, 1)\n\tgo func() {\n\t\tfor range ticks { %s\n\t\t}\n\t}()\n",
	branch:   "\t\t\tticks <- %d\n",
	want:     `// want "range over channel ticks never ends"`,
}, {
	analyzer: goroutineexit.Analyzer,
	head:     "\tres := make(chan int)\n\tgo func() {\n\t\tres <- 1 %s\n\t}()\n",
	branch:   "\t\t\tif s > 100 {\n\t\t\t\treturn %d\n\t\t\t}\n",
	tail:     "\treturn <-res\n",
	want:     `// want "goroutine blocks forever sending on res"`,
}}

// write writes a package with two functions made of the leak and a state
// machine: small, with 3 cases, and huge, with the given number of cases;
// wantHuge says whether the leak in huge is to be reported.
func (sm stateMachine) write(t *testing.T, cases int, wantHuge bool) string {
	var b strings.Builder
	b.WriteString("package huge\n\n")
	leak := func(name string, branches int, want string) {
		fmt.Fprintf(&b, "func %s(states []int) int {\n", name)
		fmt.Fprintf(&b, sm.head, want)
		b.WriteString("\tfor _, s := range states {\n\t\tswitch s {\n")
		for i := range branches {
			fmt.Fprintf(&b, "\t\tcase %d:\n", i)
			fmt.Fprintf(&b, sm.branch, i)
		}
		b.WriteString("\t\t}\n\t}\n")
		b.WriteString(sm.tail)
		if sm.tail == "" {
			b.WriteString("\treturn 0\n")
		}
		b.WriteString("}\n\n")
	}
	leak("small", 3, sm.want)
	if wantHuge {
		leak("huge", cases, sm.want)
	} else {
		leak("huge", cases, "")
	}

	dir := t.TempDir()
	pkg := filepath.Join(dir, "src", "huge")
	if err := os.MkdirAll(pkg, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "huge.go"), []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSizeBudget builds packages with a pathological function: a leak
// inside a state machine of more than ssaidiom.MaxBlocks blocks. The passes
// must treat it as unknown (no finding) while still finding the same leak
// in a small function beside it, which shows that the silence comes from
// the budget.
func TestSizeBudget(t *testing.T) {
	// A smaller budget than the real one keeps the generated function,
	// and the test, small.
	defer func(max int) { ssaidiom.MaxBlocks = max }(ssaidiom.MaxBlocks)
	ssaidiom.MaxBlocks = 500

	for _, sm := range stateMachines {
		t.Run(sm.analyzer.Name, func(t *testing.T) {
			analysistest.Run(t, sm.write(t, ssaidiom.MaxBlocks, false), sm.analyzer, "huge")
		})
	}
}

// TestWithinBudget checks, with the real budget, that the leak at the top
// of a state machine of 3000 cases (6000 to 9000 blocks, 6000 to 12000
// lines: beyond the budget of 3000 blocks that leakvet once had, which
// silenced it) is found.
func TestWithinBudget(t *testing.T) {
	for _, sm := range stateMachines {
		t.Run(sm.analyzer.Name, func(t *testing.T) {
			analysistest.Run(t, sm.write(t, 3000, true), sm.analyzer, "huge")
		})
	}
}
