package budget_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/budget"
)

// writeHuge writes a package whose functions huge, (*machine).step and a
// function literal in wrapped have a switch of n cases, each a send on a
// channel ranged over and never closed, and whose function small has the
// same switch with 3 cases. want is the // want comment for the functions
// over the budget.
func writeHuge(t *testing.T, n int, want func(name string) string) string {
	var b strings.Builder
	b.WriteString("package huge\n\ntype machine struct{}\n\n")
	body := func(cases int) {
		b.WriteString("\tticks := make(chan int, 1)\n\tgo func() {\n\t\tfor range ticks {\n\t\t}\n\t}()\n")
		b.WriteString("\tfor _, s := range states {\n\t\tswitch s {\n")
		for i := range cases {
			fmt.Fprintf(&b, "\t\tcase %d:\n\t\t\tticks <- %d\n", i, i)
		}
		b.WriteString("\t\t}\n\t}\n")
	}
	fmt.Fprintf(&b, "func small(states []int) {\n")
	body(3)
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "func huge(states []int) { %s\n", want("huge"))
	body(n)
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "func (m *machine) step(states []int) { %s\n", want(`\\(\\*machine\\).step`))
	body(n)
	b.WriteString("}\n\n")
	b.WriteString("func wrapped() func([]int) {\n")
	fmt.Fprintf(&b, "\treturn func(states []int) { %s\n", want("the func literal in wrapped"))
	body(n)
	b.WriteString("\t}\n}\n")

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

// setBudget lowers the size budget for the test, which keeps the generated
// functions small, and sets -budget.report.
func setBudget(t *testing.T, max int, report bool) {
	old := ssaidiom.MaxBlocks
	ssaidiom.MaxBlocks = max
	t.Cleanup(func() { ssaidiom.MaxBlocks = old })
	flag := budget.Analyzer.Flags.Lookup("report")
	oldReport := flag.Value.String()
	if err := flag.Value.Set(fmt.Sprint(report)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Value.Set(oldReport) })
}

// TestReport checks that, with -budget.report, every function over the
// budget is named, with its size, and none within it.
func TestReport(t *testing.T) {
	setBudget(t, 500, true)
	dir := writeHuge(t, 600, func(name string) string {
		return fmt.Sprintf(`// want "^%s is not analysed for leaks: its \\d+ blocks are over the size budget of 500$"`, name)
	})
	analysistest.Run(t, dir, budget.Analyzer, "huge")
}

// TestSilentByDefault checks that without -budget.report nothing is
// reported: a skipped function is not a leak, and under go vet every
// finding fails the run.
func TestSilentByDefault(t *testing.T) {
	setBudget(t, 500, false)
	dir := writeHuge(t, 600, func(string) string { return "" })
	analysistest.Run(t, dir, budget.Analyzer, "huge")
}

// TestCorpus runs the analyzer on its corpus with a budget of 40 blocks.
func TestCorpus(t *testing.T) {
	setBudget(t, 40, true)
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, budget.Analyzer, "budget")
}
