package analyzers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
)

func TestConfigure(t *testing.T) {
	all, err := analyzers.Configure(analyzers.Config{})
	if err != nil || len(all) != len(analyzers.Suite) {
		t.Fatalf("zero Config: %d analyzers, %v; want the suite", len(all), err)
	}
	first := analyzers.Suite[0].Name

	only, err := analyzers.Configure(analyzers.Config{Enable: []string{first}})
	if err != nil || len(only) != 1 || only[0].Name != first {
		t.Errorf("enable %s: %v, %v", first, only, err)
	}
	rest, err := analyzers.Configure(analyzers.Config{Disable: []string{first}})
	if len(analyzers.Suite) > 1 && (err != nil || len(rest) != len(analyzers.Suite)-1) {
		t.Errorf("disable %s: %d analyzers, %v", first, len(rest), err)
	}
	for _, a := range rest {
		if a.Name == first {
			t.Errorf("disable %s: still selected", first)
		}
	}

	for _, tc := range []struct {
		c    analyzers.Config
		want string
	}{
		{analyzers.Config{Enable: []string{"nosuch"}}, `enable: unknown analyzer "nosuch"`},
		{analyzers.Config{Disable: []string{"nosuch"}}, `disable: unknown analyzer "nosuch"`},
		{analyzers.Config{Options: map[string]json.RawMessage{"nosuch": nil}}, `options: unknown analyzer "nosuch"`},
		{analyzers.Config{Options: map[string]json.RawMessage{first: []byte("{}")}}, "options: analyzer " + first + " has no options"},
		{analyzers.Config{Enable: []string{first}, Disable: []string{first}}, "no analyzer to run"},
	} {
		if _, err := analyzers.Configure(tc.c); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Configure(%+v) = %v, want error containing %q", tc.c, err, tc.want)
		}
	}
}
