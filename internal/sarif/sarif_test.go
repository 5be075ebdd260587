package sarif_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/sarif"
	"github.com/leakvet/leakvet/internal/sarif/schematest"
	"github.com/leakvet/leakvet/internal/vetjson"
)

var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "report things\n\nThe long description.",
	URL:  "https://example.com/fake",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func TestLog(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "sub", "a.go")
	src := "package a\n\nfunc f() { /* 한글 */ for range ch {\n}\n}\n"
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	at := func(s string) token.Pos { return tf.Pos(strings.Index(src, s)) }

	b := sarif.New("leakvet", "v1.2.3", "https://example.com", []*analysis.Analyzer{fake}, root)
	b.Add(fset, fake, analysis.Diagnostic{
		Pos:     at("for range"),
		End:     at(" ch {"),
		Message: "range never ends",
		Related: []analysis.RelatedInformation{{Pos: at("func"), Message: "made here"}},
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Close ch",
			TextEdits: []analysis.TextEdit{{Pos: at("\n}\n}"), End: at("\n}\n}"), NewText: []byte("\nclose(ch)")}},
		}},
	})
	var buf bytes.Buffer
	if err := b.Log().Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.Bytes())
	}

	var log sarif.Log
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if r := run.Tool.Driver.Rules; len(r) != 1 || r[0].ID != "fake" || r[0].ShortDescription.Text != "report things" ||
		r[0].FullDescription.Text != "The long description." || r[0].HelpURI != fake.URL {
		t.Errorf("rules = %+v", r)
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "sub/a.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact = %+v", loc.ArtifactLocation)
	}
	// "func f() { /* 한글 */ " is 24 bytes but 20 UTF-16 units: the loop
	// starts at column 21, and "for range" ends before column 30.
	if want := (sarif.Region{StartLine: 3, StartColumn: 21, EndLine: 3, EndColumn: 30}); *loc.Region != want {
		t.Errorf("region = %+v, want %+v", *loc.Region, want)
	}
	if rel := res.RelatedLocations; len(rel) != 1 || rel[0].Message.Text != "made here" || *rel[0].ID != 1 {
		t.Errorf("related = %+v", rel)
	}
	if fx := res.Fixes; len(fx) != 1 || fx[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "\nclose(ch)" {
		t.Errorf("fixes = %+v", fx)
	}
	if !strings.HasPrefix(run.OriginalURIBaseIDs["%SRCROOT%"].URI, "file:///") {
		t.Errorf("originalUriBaseIds = %+v", run.OriginalURIBaseIDs)
	}
}

// TestAddVet checks that a diagnostic as go vet -json prints it gives the
// same result as the diagnostic itself: byte columns and offsets become
// UTF-16 regions.
func TestAddVet(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "a.go")
	src := "package a\n\nfunc f() { /* 한글 */ for range ch {\n}\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	off := func(s string) int { return strings.Index(src, s) }
	at := func(s string) token.Pos { return tf.Pos(off(s)) }
	posn := func(s string) string { return fset.Position(at(s)).String() }

	a := sarif.New("leakvet", "", "", []*analysis.Analyzer{fake}, root)
	a.Add(fset, fake, analysis.Diagnostic{
		Pos:     at("for range"),
		End:     at(" ch {"),
		Message: "range never ends",
		Related: []analysis.RelatedInformation{{Pos: at("func"), Message: "made here"}},
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Close ch",
			TextEdits: []analysis.TextEdit{{Pos: at("\n}\n}"), End: at("}\n}"), NewText: []byte("\nclose(ch)")}},
		}},
	})
	v := sarif.New("leakvet", "", "", []*analysis.Analyzer{fake}, root)
	v.AddVet(fake, vetjson.Diagnostic{
		Posn:    posn("for range"),
		End:     posn(" ch {"),
		Message: "range never ends",
		Related: []vetjson.Related{{Posn: posn("func"), Message: "made here"}},
		SuggestedFixes: []vetjson.SuggestedFix{{
			Message: "Close ch",
			Edits:   []vetjson.TextEdit{{Filename: name, Start: off("\n}\n}"), End: off("}\n}"), New: "\nclose(ch)"}},
		}},
	})
	var want, got bytes.Buffer
	a.Log().Write(&want)
	v.Log().Write(&got)
	if got.String() != want.String() {
		t.Errorf("AddVet:\n%s\nAdd:\n%s", got.String(), want.String())
	}
	if !strings.Contains(got.String(), `"startColumn": 21`) || !strings.Contains(got.String(), "close(ch)") {
		t.Errorf("AddVet: no UTF-16 region or no fix:\n%s", got.String())
	}
}

// TestSchemaRejects makes sure the validator is not vacuous.
func TestSchemaRejects(t *testing.T) {
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,
		`{"version": "9", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
	} {
		if err := schematest.Validate([]byte(bad)); err == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}
