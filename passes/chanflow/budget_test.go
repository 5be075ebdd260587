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

// TestSizeBudget builds packages with a pathological function: a leak
// inside a state machine of more than ssaidiom.MaxBlocks blocks, with a
// channel operation or a return in every branch. The passes must treat it
// as unknown (no finding) while still finding the same leak in a small
// function beside it, which shows that the silence comes from the budget.
func TestSizeBudget(t *testing.T) {
	// A smaller budget than the real one keeps the generated function,
	// and the test, small.
	defer func(max int) { ssaidiom.MaxBlocks = max }(ssaidiom.MaxBlocks)
	ssaidiom.MaxBlocks = 500

	tests := []struct {
		analyzer *analysis.Analyzer
		head     string // the leak, with %s for the // want comment
		branch   string // one case of the switch, with %d for its number
		tail     string
		want     string
	}{{
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
	for _, tt := range tests {
		t.Run(tt.analyzer.Name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("package huge\n\n")
			leak := func(name string, branches int, want string) {
				fmt.Fprintf(&b, "func %s(states []int) int {\n", name)
				fmt.Fprintf(&b, tt.head, want)
				b.WriteString("\tfor _, s := range states {\n\t\tswitch s {\n")
				for i := range branches {
					fmt.Fprintf(&b, "\t\tcase %d:\n", i)
					fmt.Fprintf(&b, tt.branch, i)
				}
				b.WriteString("\t\t}\n\t}\n")
				b.WriteString(tt.tail)
				if tt.tail == "" {
					b.WriteString("\treturn 0\n")
				}
				b.WriteString("}\n\n")
			}
			leak("small", 3, tt.want)
			leak("huge", ssaidiom.MaxBlocks, "")

			dir := t.TempDir()
			pkg := filepath.Join(dir, "src", "huge")
			if err := os.MkdirAll(pkg, 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(pkg, "huge.go"), []byte(b.String()), 0o666); err != nil {
				t.Fatal(err)
			}
			analysistest.Run(t, dir, tt.analyzer, "huge")
		})
	}
}
