package gclplugin_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/gclplugin"
)

// settings builds the value golangci-lint passes to the plugin: the YAML
// settings as generic maps and slices.
func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	newp, err := register.GetPlugin(gclplugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	return newp(settings)
}

func names(t *testing.T, p register.LinterPlugin) []string {
	t.Helper()
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, a := range as {
		s = append(s, a.Name)
	}
	return s
}

func TestSettings(t *testing.T) {
	var suite []string
	for _, a := range analyzers.Suite {
		suite = append(suite, a.Name)
	}
	first := suite[0]

	for _, settings := range []any{nil, map[string]any{}} {
		p, err := newPlugin(t, settings)
		if err != nil {
			t.Fatalf("settings %v: %v", settings, err)
		}
		if got := names(t, p); strings.Join(got, ",") != strings.Join(suite, ",") {
			t.Errorf("settings %v: analyzers %v, want the suite %v", settings, got, suite)
		}
		if p.GetLoadMode() != register.LoadModeTypesInfo {
			t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
		}
	}

	p, err := newPlugin(t, map[string]any{"enable": []any{first}})
	if err != nil || strings.Join(names(t, p), ",") != first {
		t.Errorf("enable [%s]: %v", first, err)
	}
	p, err = newPlugin(t, map[string]any{"disable": []any{first}})
	if err != nil {
		t.Fatalf("disable [%s]: %v", first, err)
	}
	for _, n := range names(t, p) {
		if n == first {
			t.Errorf("disable [%s]: still runs", first)
		}
	}

	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"enabel": []any{first}}, `decoding settings: json: unknown field "enabel"`},
		{map[string]any{"disable": []any{"nosuch"}}, `settings: disable: unknown analyzer "nosuch"`},
		{map[string]any{"disable": first}, "cannot unmarshal string"},
		{map[string]any{"options": map[string]any{first: map[string]any{"x": 1}}}, "has no options"},
	} {
		if _, err := newPlugin(t, tc.settings); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

// TestAnalyzers runs what the plugin builds on the corpus of its first
// analyzer, as golangci-lint would run it.
func TestAnalyzers(t *testing.T) {
	p, err := newPlugin(t, map[string]any{"enable": []any{"rangeclose"}})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	dir, err := filepath.Abs("../internal/suppress/testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, as[0], "a")
}
