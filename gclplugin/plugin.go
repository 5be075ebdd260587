// Package gclplugin is leakvet's golangci-lint v2 module plugin. Importing
// it registers the linter "leakvet", which runs the analyzers of the suite
// ([analyzers.Suite]), so an analyzer added to the suite reaches
// golangci-lint with no change here.
//
// Build a golangci-lint that includes it with "golangci-lint custom" and a
// .custom-gcl.yml such as
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/leakvet/leakvet
//	    import: github.com/leakvet/leakvet/gclplugin
//	    version: latest
//
// and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - leakvet
//	  settings:
//	    custom:
//	      leakvet:
//	        type: module
//	        description: goroutine leak checks
//	        original-url: https://github.com/leakvet/leakvet
//	        settings:
//	          disable: [ignoredirective]
//
// The settings are those of [analyzers.Config], decoded strictly:
//
//	enable:  [name, ...]   run only these analyzers
//	disable: [name, ...]   do not run these analyzers
//	options: {name: {...}} options of the analyzers that have any
//
// An unknown key or analyzer name stops golangci-lint with an error that
// names it. golangci-lint parses no analyzer flags: settings reach the
// analyzers only through the plugin.
package gclplugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/analyzers"
)

// Name is the linter name the plugin registers, used in .golangci.yml
// and in //nolint:leakvet.
const Name = "leakvet"

func init() {
	register.Plugin(Name, New)
}

// New is the plugin's constructor: it decodes the settings given in
// .golangci.yml and selects and configures the analyzers.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzers.Config](settings)
	if err != nil {
		return nil, err // "decoding settings: json: unknown field ..."
	}
	as, err := analyzers.Configure(cfg)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return &plugin{analyzers: as}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers need it, and so
// do the facts they pass between packages.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
