// Command leakvet-gcl is golangci-lint v2.15.0 with the leakvet module
// plugin built in: the binary "golangci-lint custom" builds from the
// .custom-gcl.yml shown in package gclplugin's documentation, made with the
// go command and the module proxy alone. Its test builds it and runs it on
// the module in testdata/fixture.
//
// Build it with
//
//	cd tools/gcl && go build -o leakvet-gcl .
//
// golangci-lint's go.mod pins golang.org/x/tools; the leakvet module must
// not require a newer one, or golangci-lint's own linters stop compiling.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/leakvet/leakvet/gclplugin"
)

// version is the golangci-lint release this binary is built from, as
// required in go.mod.
const version = "2.15.0"

func main() {
	info := commands.BuildInfo{Version: version + "-leakvet", Commit: "?", Date: "(unknown)", GoVersion: runtime.Version()}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
