package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/vetjson"
)

// writeHugeModule writes a module whose function huge is over the size
// budget: a sender abandoned when ctx is done at its top, the simplest of
// leaks, then a switch of more cases than the budget has blocks. Beside it,
// small has the same leak and is within the budget.
func writeHugeModule(t *testing.T) string {
	var b strings.Builder
	b.WriteString("package huge\n\nimport \"context\"\n\n")
	leak := "\tres := make(chan int)\n\tgo func() { res <- 1 }()\n\tselect {\n\tcase v := <-res:\n\t\treturn v\n\tcase <-ctx.Done():\n\t}\n"
	fmt.Fprintf(&b, "func small(ctx context.Context) int {\n%s\treturn 0\n}\n\n", leak)
	fmt.Fprintf(&b, "func huge(ctx context.Context, op int) int {\n%s\tswitch op {\n", leak)
	for i := range ssaidiom.MaxBlocks/2 + 100 { // two blocks a case
		fmt.Fprintf(&b, "\tcase %d:\n\t\top += %d\n", i, i)
	}
	b.WriteString("\t}\n\treturn op\n}\n")
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":  "module example.com/huge\n\ngo 1.26\n",
		"huge.go": b.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSkipsAreVisible checks that a function over the size budget, which
// is not analysed, is named in every output of a standalone run and, when
// asked, under go vet; and that it is not counted as a finding. (Building
// the SSA form of a function that large takes seconds: the standalone runs
// share one analysis through go vet's cache.)
func TestSkipsAreVisible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)
	dir := writeHugeModule(t)
	file := filepath.Join(dir, "huge.go")
	skip := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(file) + `:\d+:6: huge is not analysed for leaks: its \d+ blocks are over the size budget of \d+$`)

	t.Run("text", func(t *testing.T) {
		// Text output names files as go vet does: relative to the
		// working directory.
		shortSkip := regexp.MustCompile(`(?m)^huge\.go:\d+:6: huge is not analysed for leaks: its \d+ blocks are over the size budget of \d+$`)
		shortLeak := regexp.MustCompile(`(?m)^huge\.go:7:18: goroutine blocks forever sending on res`)
		r := e.run(t, dir, e.bin, "./...")
		if r.code != 3 || !shortLeak.MatchString(r.stderr) {
			t.Errorf("want the leak in small, exit code 3\n%s", r)
		}
		if !strings.Contains(r.stderr, "leakvet: 1 function was not analysed, and leaks in it are not reported:\n") || len(shortSkip.FindAllString(r.stderr, -1)) != 1 {
			t.Errorf("stderr does not name huge once, with a count\n%s", r)
		}
	})

	t.Run("json", func(t *testing.T) {
		r := e.run(t, dir, e.bin, "-json", "./...")
		var tree vetjson.Tree
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("stdout is not the JSON tree: %v\n%s", err, r)
		}
		var diags []vetjson.Diagnostic
		if err := json.Unmarshal(tree["example.com/huge"]["budget"], &diags); err != nil || len(diags) != 1 ||
			diags[0].Category != "skipped" || !skip.MatchString(diags[0].Posn+": "+diags[0].Message) {
			t.Errorf("want one diagnostic of category skipped under budget, naming huge\n%s", r)
		}
	})

	t.Run("sarif", func(t *testing.T) {
		r := e.run(t, dir, e.bin, "-format=sarif", "./...")
		var log struct {
			Runs []struct {
				Results     []json.RawMessage
				Invocations []struct {
					ExecutionSuccessful        bool
					ToolExecutionNotifications []struct {
						Level   string
						Message struct{ Text string }
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
			t.Fatalf("not a SARIF log with one run and one invocation: %v\n%s", err, r)
		}
		run := log.Runs[0]
		inv := run.Invocations[0]
		if len(run.Results) != 1 || !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
			inv.ToolExecutionNotifications[0].Level != "warning" ||
			!strings.HasPrefix(inv.ToolExecutionNotifications[0].Message.Text, "huge is not analysed for leaks") {
			t.Errorf("want one result (small) and one warning notification naming huge\n%s", r)
		}
	})

	t.Run("vet", func(t *testing.T) {
		r := e.run(t, dir, "go", "vet", "-vettool="+e.bin, "-budget.report", "./...")
		if !regexp.MustCompile(`(?m)^huge\.go:\d+:6: huge is not analysed for leaks`).MatchString(r.stderr) {
			t.Errorf("go vet -budget.report does not name huge\n%s", r)
		}
	})
}
