package sarif_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/sarif"
	"github.com/leakvet/leakvet/internal/sarif/schematest"
)

// TestWarning checks that a warning is a notification with its location
// that leaves the run successful, and that an error after it does not.
func TestWarning(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "a.go")
	if err := os.WriteFile(name, []byte("package a\n\nfunc huge() {}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	b := sarif.New("leakvet", "", "", []*analysis.Analyzer{fake}, root)
	b.Warning("huge is not analysed for leaks", name+":3:6")
	inv := b.Log().Runs[0].Invocations
	if len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("invocations %+v, want one, successful, with one notification", inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "warning" || n.Message.Text != "huge is not analysed for leaks" || len(n.Locations) != 1 {
		t.Fatalf("notification %+v", n)
	}
	loc := n.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "a.go" || loc.Region == nil || loc.Region.StartLine != 3 || loc.Region.StartColumn != 6 {
		t.Errorf("location %+v, want a.go line 3 column 6", loc)
	}

	b.Error("an analyzer failed")
	var buf bytes.Buffer
	if err := b.Log().Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(buf.Bytes()); err != nil {
		t.Errorf("the log does not follow the SARIF schema: %v\n%s", err, buf.Bytes())
	}
	var log sarif.Log
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	inv = log.Runs[0].Invocations
	if inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 2 {
		t.Errorf("after an error: %+v, want a failed run with two notifications", inv)
	}
}
