package main

import (
	"strings"
	"testing"
)

// TestSlowTarget checks that a package slow for plain go vet too does not
// fail the target, and that one slow only under leakvet does.
func TestSlowTarget(t *testing.T) {
	run := func(tool string, slow ...PkgTime) *Run {
		return &Run{Module: "m", Tool: tool, Cache: "cold", Slowest: slow}
	}
	generated := PkgTime{Package: "example.com/api", Wall: 8.1}
	cases := []struct {
		name    string
		vet, lv []PkgTime
		met     bool
	}{
		{"slow for both", []PkgTime{generated}, []PkgTime{{Package: "example.com/api", Wall: 8.5}}, true},
		{"slow under leakvet only", []PkgTime{generated}, []PkgTime{{Package: "example.com/loop", Wall: 6}, {Package: "example.com/api", Wall: 5.5}}, false},
		{"fast", []PkgTime{{Package: "a", Wall: 1}}, []PkgTime{{Package: "a", Wall: 1.2}}, true},
	}
	for _, c := range cases {
		res := &Results{Runs: []*Run{run(toolVet, c.vet...), run(toolVetLeakvet, c.lv...)}}
		line, ok := slowTarget(res)
		if !ok {
			t.Fatalf("%s: no row", c.name)
		}
		if met := strings.HasSuffix(strings.TrimSpace(line), "| yes |"); met != c.met {
			t.Errorf("%s: met = %v, want %v: %s", c.name, met, c.met, line)
		}
	}
}
