package main

import (
	"strings"
	"testing"
)

func TestParseJSON(t *testing.T) {
	mi := ModInfo{Module: Module{Path: "example.com/m", Version: "v1.0.0"}, Dir: "/src/m"}
	out := `{"example.com/m/p": {"rangeclose": [
		{"category": "neverclosed", "posn": "/src/m/p/b.go:3:4", "message": "m1", "related": [{"posn": "/src/m/p/a.go:1:2", "message": "made here"}],
		 "suggested_fixes": [{"message": "close", "edits": []}]},
		{"posn": "/src/m/p/a.go:10:1", "message": "m2"}]}}
{"example.com/m/p [example.com/m/p.test]": {"rangeclose": [{"posn": "/src/m/p/a.go:10:1", "message": "m2"}], "lostsignal": {"error": "boom"}}}`
	found, errs, err := parseJSON([]byte(out), mi)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.Package+" "+f.Where()+" "+f.Analyzer+" "+f.Category+" "+f.Message)
	}
	want := "example.com/m/p p/a.go:10 rangeclose  m2\nexample.com/m/p p/b.go:3 rangeclose neverclosed m1"
	if strings.Join(got, "\n") != want {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if f := found[1]; !f.Fix || f.Col != 4 || len(f.Related) != 1 || f.Related[0].Posn != "p/a.go:1:2" {
		t.Errorf("m1 = %+v, want a fix, column 4 and one related position p/a.go:1:2", f)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "lostsignal: boom") {
		t.Errorf("errors %q, want the lostsignal error", errs)
	}
}
