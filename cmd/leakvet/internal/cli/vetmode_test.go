package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestViaVet(t *testing.T) {
	suite := []*analysis.Analyzer{{Name: "rangeclose"}, {Name: "goroutineexit"}}
	for _, tc := range []struct {
		args    string
		vetArgs string // "" when the run is not served by go vet
		json    bool
	}{
		{"./...", "./...", false},
		{"-json ./... ./cmd/x", "./... ./cmd/x", true},
		{"-rangeclose ./...", "-rangeclose=true ./...", false},
		{"--goroutineexit=false -json ./...", "-goroutineexit=false ./...", true},
		{"-c 2 ./...", "", false},
		{"-fix ./...", "", false},
		{"-format=sarif ./...", "", false},
		{"-nosuch ./...", "", false},
		{"-rangeclose=maybe ./...", "", false},
		{"help rangeclose", "", false},
		{"-json", "", false},
		{"./... -json", "", false},
	} {
		vetArgs, jsonOut, ok := viaVet(strings.Fields(tc.args), suite)
		if got := strings.Join(vetArgs, " "); got != tc.vetArgs || ok != (tc.vetArgs != "") || (ok && jsonOut != tc.json) {
			t.Errorf("viaVet(%q) = %q, json %v, ok %v; want %q, json %v", tc.args, got, jsonOut, ok, tc.vetArgs, tc.json)
		}
	}
}

func TestTextFindingsOncePerPosition(t *testing.T) {
	d := `[{"posn": "/m/a.go:9:2", "message": "m2"}, {"posn": "/m/a.go:10:1", "message": "m1"}]`
	trees := []map[string]map[string]json.RawMessage{
		{"m": {"rangeclose": json.RawMessage(d)}},
		{"m [m.test]": {"rangeclose": json.RawMessage(d), "lostsignal": json.RawMessage(`{"error": "boom"}`)}},
	}
	found, errs := textFindings(trees)
	var got []string
	for _, f := range found {
		got = append(got, f.Posn)
	}
	if want := []string{"/m/a.go:9:2", "/m/a.go:10:1"}; !slices.Equal(got, want) {
		t.Errorf("findings at %v, want %v (each once, by line)", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "lostsignal: boom") {
		t.Errorf("errors %q, want the lostsignal error", errs)
	}
}
