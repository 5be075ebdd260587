package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/vetjson"
)

func TestSkipFlags(t *testing.T) {
	for _, tc := range []struct {
		enable map[string]bool
		want   string
	}{
		{nil, "[-budget.report]"},
		{map[string]bool{"rangeclose": false}, "[-budget.report]"},
		// -NAME leaves out the analyzers not named: name budget too.
		{map[string]bool{"rangeclose": true}, "[-budget.report -budget=true]"},
		{map[string]bool{"budget": true}, "[-budget.report]"},
		{map[string]bool{"budget": false}, "[]"},
		{map[string]bool{"budget": false, "rangeclose": true}, "[]"},
	} {
		if got := fmt.Sprint(skipFlags(tc.enable)); got != tc.want {
			t.Errorf("skipFlags(%v) = %s, want %s", tc.enable, got, tc.want)
		}
	}
}

// TestReportFlag checks that -budget.report keeps a run on go vet, and
// that -budget.report=false turns the report of skips off.
func TestReportFlag(t *testing.T) {
	suite := []*analysis.Analyzer{{Name: "rangeclose"}, {Name: "budget"}}
	for args, want := range map[string]string{
		"-budget.report ./...":       "[-budget.report]",
		"-budget.report=false ./...": "[]",
		"./...":                      "[-budget.report]",
	} {
		r, ok, err := viaVet("leakvet", strings.Fields(args), suite)
		if err != nil || !ok {
			t.Errorf("viaVet(%q): not served by go vet (%v)", args, err)
			continue
		}
		if got := fmt.Sprint(r.skips); got != want {
			t.Errorf("viaVet(%q): flags for skips %s, want %s", args, got, want)
		}
	}
}

func TestSplitSkipped(t *testing.T) {
	leak := vetjson.Finding{Analyzer: "rangeclose", Diagnostic: vetjson.Diagnostic{Posn: "a.go:3:2", Message: "range over channel ch never ends"}}
	skip := func(name string) vetjson.Finding {
		return vetjson.Finding{Analyzer: "budget", Diagnostic: vetjson.Diagnostic{Category: "skipped", Posn: "a.go:9:6", Message: name + " is not analysed for leaks"}}
	}
	found, skipped := splitSkipped([]vetjson.Finding{skip("f"), leak, skip("g")})
	if len(found) != 1 || found[0].Analyzer != "rangeclose" || len(skipped) != 2 {
		t.Fatalf("splitSkipped: found %v, skipped %v", found, skipped)
	}
	var b bytes.Buffer
	printSkipped(&b, "leakvet", skipped)
	want := "leakvet: 2 functions were not analysed, and leaks in them are not reported:\n" +
		"a.go:9:6: f is not analysed for leaks\n" +
		"a.go:9:6: g is not analysed for leaks\n"
	if b.String() != want {
		t.Errorf("printSkipped wrote\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	printSkipped(&b, "leakvet", nil)
	if b.Len() != 0 {
		t.Errorf("printSkipped wrote %q for no function", b.String())
	}
}
