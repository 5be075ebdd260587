package analyzers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Config selects and configures analyzers of the suite for front ends
// that cannot set analyzer flags, such as the golangci-lint plugin. The
// zero Config selects the whole suite with default settings.
type Config struct {
	// Enable, if not empty, lists the only analyzers to run.
	Enable []string `json:"enable,omitempty"`
	// Disable lists analyzers not to run.
	Disable []string `json:"disable,omitempty"`
	// Options holds, per analyzer name, a JSON object with the
	// analyzer's options. Only analyzers listed in [constructors] have
	// options.
	Options map[string]json.RawMessage `json:"options,omitempty"`
}

// A constructor builds a new instance of an analyzer from its options,
// a JSON object that it decodes strictly into the analyzer's options.
//
// An analyzer that gets options follows one shape, so that every front
// end can set them: its package exports
//
//	type Config struct{ ... }            // options, with json tags
//	func DefaultConfig() *Config
//	func New(cfg *Config) *analysis.Analyzer
//	var Analyzer = New(DefaultConfig())  // the instance the suite lists
//
// where New binds the analyzer's flags to cfg and Run reads cfg when it
// runs, so flags parsed after New take effect on the default instance
// and front ends that parse no flags build their own instance. Its
// constructor entry decodes the options into a copy of DefaultConfig
// with [DecodeStrict] and returns New(cfg).
type constructor func(options json.RawMessage) (*analysis.Analyzer, error)

// constructors maps the names of the analyzers that have options to
// their constructors. No analyzer has options yet.
var constructors = map[string]constructor{}

// Configure returns the analyzers of the suite that c selects, in suite
// order, each built with its options. An unknown analyzer name, options
// for an analyzer that has no options, or a selection that leaves nothing
// to run is an error.
func Configure(c Config) ([]*analysis.Analyzer, error) {
	for _, list := range []struct {
		key   string
		names []string
	}{{"enable", c.Enable}, {"disable", c.Disable}} {
		for _, name := range list.names {
			if find(name) == nil {
				return nil, fmt.Errorf("%s: unknown analyzer %q (analyzers: %s)", list.key, name, Names())
			}
		}
	}
	for name := range c.Options {
		if find(name) == nil {
			return nil, fmt.Errorf("options: unknown analyzer %q (analyzers: %s)", name, Names())
		}
		if constructors[name] == nil {
			return nil, fmt.Errorf("options: analyzer %s has no options", name)
		}
	}

	var out []*analysis.Analyzer
	for _, a := range Suite {
		if len(c.Enable) > 0 && !slices.Contains(c.Enable, a.Name) || slices.Contains(c.Disable, a.Name) {
			continue
		}
		if raw, ok := c.Options[a.Name]; ok {
			b, err := constructors[a.Name](raw)
			if err != nil {
				return nil, fmt.Errorf("options: %s: %v", a.Name, err)
			}
			a = b
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("enable and disable leave no analyzer to run")
	}
	return out, nil
}

// DecodeStrict decodes the JSON object data into v, rejecting unknown
// fields.
func DecodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Names returns the names of the analyzers of the suite, comma-separated.
func Names() string {
	var s []string
	for _, a := range Suite {
		s = append(s, a.Name)
	}
	return strings.Join(s, ", ")
}

func find(name string) *analysis.Analyzer {
	for _, a := range Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}
