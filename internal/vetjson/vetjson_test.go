package vetjson

import (
	"slices"
	"strings"
	"testing"
)

// out is what go vet -json prints for a package and its test variant,
// which share a.go: each finding there is printed twice.
const out = `{
	"m": {
		"rangeclose": [
			{"posn": "/m/a.go:10:1", "end": "/m/a.go:10:5", "message": "m1",
			 "suggested_fixes": [{"message": "close it", "edits": [{"filename": "/m/a.go", "start": 3, "end": 3, "new": "close(c)\n"}]}]},
			{"posn": "/m/a.go:9:2", "message": "m2", "related": [{"posn": "/m/a.go:2:3", "message": "made here"}]}
		]
	}
}
{
	"m [m.test]": {
		"rangeclose": [
			{"posn": "/m/a.go:10:1", "message": "m1"},
			{"posn": "/m/a.go:9:2", "message": "m2"},
			{"posn": "/m/a_test.go:3:4", "message": "m3"}
		],
		"goroutineexit": [{"posn": "/m/a.go:9:2", "message": "m2"}],
		"lostsignal": {"error": "boom"}
	}
}
{"m": {"lostsignal": {"error": "boom"}}}
`

func TestDecode(t *testing.T) {
	found, errs, err := Decode(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.Posn+" "+f.Analyzer+" "+f.Package)
	}
	// Once per analyzer, position and message; by line, not by string.
	want := []string{
		"/m/a.go:9:2 rangeclose m",
		"/m/a.go:9:2 goroutineexit m [m.test]",
		"/m/a.go:10:1 rangeclose m",
		"/m/a_test.go:3:4 rangeclose m [m.test]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The copy with the fix is the one kept: it comes first.
	if fixes := found[2].SuggestedFixes; len(fixes) != 1 || fixes[0].Edits[0] != (TextEdit{"/m/a.go", 3, 3, "close(c)\n"}) {
		t.Errorf("fixes of m1 = %+v", fixes)
	}
	if rel := found[0].Related; len(rel) != 1 || rel[0].Posn != "/m/a.go:2:3" || rel[0].Message != "made here" {
		t.Errorf("related of m2 = %+v", rel)
	}
	var gotErrs []string
	for _, e := range errs {
		gotErrs = append(gotErrs, e.Error())
	}
	if want := []string{"m: lostsignal: boom", "m [m.test]: lostsignal: boom"}; !slices.Equal(gotErrs, want) {
		t.Errorf("errors %q, want %q", gotErrs, want)
	}
}

func TestDecodeBadOutput(t *testing.T) {
	for _, in := range []string{
		`{"m": {"rangeclose": 3}}`,             // neither diagnostics nor an error
		`{"m": {"rangeclose": {"error": ""}}}`, // an empty error
		`{"m": {"rangeclose": [`,               // cut short
		`vet: something went wrong`,            // not JSON
	} {
		if _, _, err := Decode(strings.NewReader(in)); err == nil {
			t.Errorf("Decode(%q) succeeded, want an error", in)
		}
	}
	if found, errs, err := Decode(strings.NewReader("")); err != nil || found != nil || errs != nil {
		t.Errorf("Decode of nothing = %v, %v, %v; want nothing", found, errs, err)
	}
}

func TestParsePosn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Position
		ok   bool
	}{
		{"/m/a.go:10:2", Position{"/m/a.go", 10, 2}, true},
		{"/m/a.go:10", Position{"/m/a.go", 10, 0}, true},
		{`C:\m\a.go:3:4`, Position{`C:\m\a.go`, 3, 4}, true},
		{"/m/a:b.go:3:4", Position{"/m/a:b.go", 3, 4}, true},
		{"/m/a.go", Position{}, false},
		{"-", Position{}, false},
		{"", Position{}, false},
		{":3", Position{}, false},
		{"/m/a.go:x:3", Position{"/m/a.go:x", 3, 0}, true},
	} {
		got, ok := ParsePosn(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParsePosn(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok && got.String() != tc.in {
			t.Errorf("%+v.String() = %q, want %q", got, got.String(), tc.in)
		}
	}
	a, _ := ParsePosn("/m/a.go:9:2")
	b, _ := ParsePosn("/m/a.go:10:1")
	if a.Compare(b) >= 0 || b.Compare(a) <= 0 || a.Compare(a) != 0 {
		t.Errorf("Compare does not order %v before %v", a, b)
	}
}
