package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/lsp"
)

const lspUsage = `usage: %[1]s lsp [analyzer flags]

Runs a Language Server Protocol server on stdin and stdout for editors:
it analyzes the package of each Go file opened or saved (with go vet and
this binary as its vettool) and publishes the findings as diagnostics,
with their suggested fixes as quick-fix code actions. Analyzer flags such
as -NAME=false are passed to go vet.
`

// serveLSP runs "leakvet lsp" and returns the exit code: 0 after a clean
// shutdown, 1 when the connection ended without one, 2 for bad flags.
func serveLSP(args []string, analyzers []*analysis.Analyzer) int {
	prog := filepath.Base(os.Args[0])
	fs, _ := analyzerFlags(prog+" lsp", analyzers)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprintf(os.Stdout, lspUsage, prog)
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "%s: lsp takes no arguments, got %q (run '%s lsp -h' for usage)\n", prog, fs.Arg(0), prog)
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	urls := make(map[string]string)
	for _, a := range analyzers {
		urls[a.Name] = a.URL
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = lsp.Serve(ctx, stdio{}, lsp.Options{
		VetTool: self,
		Flags:   args,
		URLs:    urls,
		Version: version(),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: lsp: %v\n", prog, err)
		return 1
	}
	return 0
}

// stdio is the server's connection: stdin and stdout.
type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return nil }
