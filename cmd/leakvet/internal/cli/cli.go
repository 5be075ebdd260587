// Package cli runs leakvet's analyzers through
// golang.org/x/tools/go/analysis/multichecker and tidies what the user sees
// when the command line or the packages are wrong:
//
//   - a standalone command line is checked as a whole before any work
//     starts (see cmdline.go), and the go command's build flags on it
//     reach the go commands the run starts;
//   - a bad flag gives one line naming the flag, not the whole flag list;
//   - "-h", "-help" and "help" print the command's manual (the package
//     comment of package main) with the analyzers and flags;
//   - "help NAME" with an unknown NAME fails before printing anything;
//   - in standalone runs, the lines that only repeat an earlier error
//     ("X: analysis skipped due to errors in package", "X: failed
//     prerequisites: ...") are dropped, and errors that carry no position
//     are prefixed with the program name instead of "-", file names are
//     printed as go vet prints them, and a go command's error as the go
//     command printed it;
//   - -V and -V=full print the version of the build (see version.go).
//
// Filtering stderr needs to see everything the checker writes there before
// it exits, so a standalone run executes the same binary as a child process
// and filters its stderr. Runs started by "go vet" (a single *.cfg argument)
// execute in place. Exit codes, stdout and the diagnostics themselves are
// those of multichecker.
package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/leakvet/leakvet/internal/leaktest"
)

// childEnv marks the child process of a standalone run.
const childEnv = "LEAKVET_CLI_CHILD"

// inProcessEnv, when set, makes every standalone run use the in-process
// checker instead of go vet (see vetmode.go).
const inProcessEnv = "LEAKVET_INPROCESS"

// Main runs the analyzers as the program's main function; it does not
// return. doc is the source of the program's doc.go, whose package comment
// is the manual printed by "-h".
func Main(doc string, analyzers ...*analysis.Analyzer) {
	flag.Var(versionFlag{}, "V", "print the version and exit; -V=full adds the build ID go vet needs")
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "lsp" {
		os.Exit(serveLSP(args[1:], analyzers))
	}
	if len(args) > 0 && (args[0] == "test" || len(args) == 2 && args[0] == "help" && args[1] == "test") {
		os.Exit(leaktest.Main(filepath.Base(os.Args[0]), args, os.Stdout, os.Stderr))
	}
	vet := len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
	if vet {
		run(doc, analyzers, args)
	}
	if os.Getenv(childEnv) == "1" {
		runStandalone(doc, analyzers, args)
	}
	os.Exit(supervise(args, analyzers))
}

// runStandalone handles -format, then calls [run]. It does not return.
func runStandalone(doc string, analyzers []*analysis.Analyzer, args []string) {
	prog := filepath.Base(os.Args[0])
	format, args, err := cutFormat(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v (run '%s -h' for usage)\n", prog, err, prog)
		os.Exit(2)
	}
	switch format {
	case "sarif":
		os.Exit(runSARIF(prog, analyzers, args, os.Stdout, os.Stderr))
	case "json":
		args = append([]string{"-json"}, args...)
	}
	os.Args = append(os.Args[:1], args...)
	run(doc, analyzers, args)
}

// run calls multichecker.Main after installing the usage and help
// handling. It does not return.
func run(doc string, analyzers []*analysis.Analyzer, args []string) {
	prog := filepath.Base(os.Args[0])

	// flag.Parse (ExitOnError) writes "flag provided but not defined: -x"
	// or "invalid value ..." to the output, calls Usage, and exits 2.
	// "-h" calls Usage alone, and exits 0.
	fw := &flagErrorWriter{prog: prog, w: os.Stderr}
	flag.CommandLine.SetOutput(fw)
	flag.Usage = func() {
		if !fw.failed {
			usage(os.Stdout, prog, doc, analyzers)
		}
	}

	if len(args) > 0 && args[0] == "help" {
		if len(args) == 1 {
			os.Args = []string{os.Args[0], "-h"} // the same manual as -h
		}
		for _, name := range args[1:] {
			if !slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == name }) {
				fmt.Fprintf(os.Stderr, "%s: help: no analyzer named %q (analyzers: %s)\n", prog, name, names(analyzers))
				os.Exit(1)
			}
		}
	}

	multichecker.Main(analyzers...)
	panic("unreachable")
}

// flagErrorWriter turns the flag package's error message into one line
// that names the program and points to -h.
type flagErrorWriter struct {
	prog   string
	w      io.Writer
	failed bool
}

func (fw *flagErrorWriter) Write(p []byte) (int, error) {
	fw.failed = true
	msg := strings.TrimSpace(string(p))
	fmt.Fprintf(fw.w, "%s: %s (run '%s -h' for usage)\n", fw.prog, msg, fw.prog)
	return len(p), nil
}

// usage prints the manual: the package comment of doc, the analyzers, and
// the flags that have an effect.
func usage(w io.Writer, prog, doc string, analyzers []*analysis.Analyzer) {
	if f, err := parser.ParseFile(token.NewFileSet(), "doc.go", doc, parser.PackageClauseOnly|parser.ParseComments); err == nil && f.Doc != nil {
		var p comment.Parser
		var pr comment.Printer
		w.Write(pr.Text(p.Parse(f.Doc.Text())))
		fmt.Fprintln(w)
	}

	fmt.Fprintln(w, "# Analyzers")
	fmt.Fprintln(w)
	for _, a := range analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n\n")
		fmt.Fprintf(w, "\t%-14s %s\n", a.Name, title)
	}
	fmt.Fprintf(w, "\nRun '%s help NAME' for the manual of analyzer NAME.\n\n", prog)

	fmt.Fprintln(w, "# Flags")
	fmt.Fprintln(w)
	fs := flag.NewFlagSet(prog, flag.ContinueOnError)
	fs.SetOutput(w)
	flag.VisitAll(func(f *flag.Flag) {
		// Hide the flags that remain only for old vet command lines.
		if strings.HasPrefix(f.Usage, "no effect") || strings.HasPrefix(f.Usage, "deprecated alias") {
			return
		}
		fs.Var(f.Value, f.Name, f.Usage)
	})
	fs.String("format", "text", formatUsage)
	fs.PrintDefaults()
}

func names(analyzers []*analysis.Analyzer) string {
	var s []string
	for _, a := range analyzers {
		s = append(s, a.Name)
	}
	return strings.Join(s, ", ")
}

// supervise runs this executable again as a child with the same arguments,
// copies its stderr through [filter], and returns its exit code.
func supervise(args []string, analyzers []*analysis.Analyzer) int {
	prog := filepath.Base(os.Args[0])
	switch cl, err := parseCommandLine(args, analyzers); {
	case err == errPassThrough:
	case err != nil:
		fmt.Fprintf(os.Stderr, "%s: %v (run '%s -h' for usage)\n", prog, err, prog)
		return 2
	default:
		if err := cl.apply(); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
			return 1
		}
		args = cl.args
	}
	r, ok, err := viaVet(prog, args, analyzers)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v (run '%s -h' for usage)\n", prog, err, prog)
		return 2
	}
	if ok && os.Getenv(inProcessEnv) == "" {
		return r.run()
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	cmd := exec.Command(self, args...)
	cmd.Args[0] = os.Args[0]
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stdin, cmd.Stdout = os.Stdin, os.Stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}

	// Let the child decide how to end on an interrupt: it gets the same
	// signal and its exit code is ours.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	}
	go func() {
		for sig := range sigs {
			cmd.Process.Signal(sig)
		}
	}()

	ferr := filter(os.Stderr, stderr, prog, analyzerNames(analyzers))
	err = cmd.Wait()
	signal.Stop(sigs)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			// Killed by a signal (an interrupt, or SIGPIPE when stdout
			// is closed early): end as quietly as the child did, with
			// the shell's code for it.
			return 128 + int(ws.Signal())
		}
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
		return 1
	case ferr != nil:
		return 1
	}
	return 0
}

// filter copies r to w line by line. It drops the lines that only repeat an
// earlier error: "NAME: analysis skipped due to errors in package" (the
// package's errors were printed first) and "NAME: failed prerequisites:
// ..." (the prerequisite's error was printed), where NAME is one of the
// analyzers run, prerequisites included. It prefixes errors printed without
// a position ("-: msg") with the program name, prints a go command's error
// as the go command does, and shortens file names as go vet does.
func filter(w io.Writer, r io.Reader, prog string, analyzers map[string]bool) error {
	br := bufio.NewReader(r)
	goError := false // a go command's error was printed
	for {
		line, err := br.ReadString('\n')
		keep := line != ""
		switch {
		case !keep:
		case repeatsError(line, analyzers):
			keep = false
		case goError && strings.TrimSpace(line) == "":
			keep = false // the go command's stderr ends with a newline of its own
		default:
			if rest, ok := strings.CutPrefix(line, "-: "); ok {
				line = prog + ": " + rest
			}
			if msg, ok := goListError(line, prog); ok {
				line, goError = msg, true
			}
			line = shortLine(line)
		}
		if keep {
			if _, werr := io.WriteString(w, line); werr != nil {
				io.Copy(io.Discard, br) // let the child finish
				return werr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// repeatsError reports whether line only repeats an earlier error:
// "NAME: analysis skipped due to errors in package" or "NAME: failed
// prerequisites: ...", where NAME is one of analyzers.
func repeatsError(line string, analyzers map[string]bool) bool {
	name, rest, ok := strings.Cut(line, ": ")
	return ok && analyzers[name] &&
		(rest == "analysis skipped due to errors in package\n" || strings.HasPrefix(rest, "failed prerequisites: "))
}

// goListError turns the error of a go command that could not list the
// packages, which package packages wraps as "err: exit status 1: stderr:
// go: ...", back into the go command's own message, as a run through go
// vet prints it.
func goListError(line, prog string) (string, bool) {
	if m := wrappedGoError.FindStringSubmatch(line); m != nil && (m[1] == "" || m[1] == prog+": ") {
		return m[2], true
	}
	return line, false
}

var wrappedGoError = regexp.MustCompile(`^(-: |[^ :]+: )?err: exit status \d+: stderr: (.*\n?)$`)

// shortLine shortens the absolute file name that starts a
// "file:line:col: message" line as the go command does (see [shortPath]).
func shortLine(line string) string {
	m := posnLine.FindStringSubmatchIndex(line)
	if m == nil {
		return line
	}
	file := line[m[2]:m[3]]
	if !filepath.IsAbs(file) {
		return line
	}
	return shortPath(file) + line[m[3]:]
}

var posnLine = regexp.MustCompile(`^(.+?):\d+(?::\d+)?: `)

// shortPosn shortens the file name of a "file:line:col" position (see
// [shortPath]).
func shortPosn(posn string) string {
	m := posnRe.FindStringSubmatchIndex(posn)
	if m == nil || !filepath.IsAbs(posn[:m[2]]) {
		return posn
	}
	return shortPath(posn[:m[2]]) + posn[m[2]:]
}

var posnRe = regexp.MustCompile(`(:\d+(?::\d+)?)$`)

// shortPath returns path relative to the current directory when that is
// shorter and names the same file, and path otherwise: the file names go
// vet prints (base.ShortPath in cmd/go/internal/base).
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && len(rel) < len(path) && sameFile(rel, path) {
		return rel
	}
	return path
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return os.IsNotExist(err1) && os.IsNotExist(err2)
	}
	return os.SameFile(fa, fb)
}

// analyzerNames returns the names of the analyzers and of all the
// analyzers they require.
func analyzerNames(analyzers []*analysis.Analyzer) map[string]bool {
	seen := make(map[string]bool)
	var visit func([]*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if !seen[a.Name] {
				seen[a.Name] = true
				visit(a.Requires)
			}
		}
	}
	visit(analyzers)
	return seen
}
