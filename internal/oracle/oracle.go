// Package oracle checks leakvet's analyzers against the Go runtime.
//
// Every analyzer has a test corpus in testdata/src/<analyzer>/, laid out as
// golang.org/x/tools/go/analysis/analysistest expects, in which each
// diagnostic is asserted with a `// want "regexp"` comment. Those assertions
// only say what the analyzer reports; they cannot say whether the reported
// code really leaks. The oracle closes that gap: it runs every corpus case and
// asks the runtime whether a goroutine leaked, and the test in this package
// fails when the analyzer's verdict and the runtime's disagree.
//
// # Corpus conventions
//
// Each non-test .go file directly in testdata/src/<analyzer>/ is one case
// (files whose name starts with "_" or "." and files excluded by build
// constraints are not; those excluded only because they need a newer Go,
// as //go:build go1.27 cases with generic methods do, are listed by the
// oracle test as skipped, with the reason). Subdirectories hold helper packages, imported as
// "<analyzer>/<dir>", and are not cases themselves.
//
// The analyzer's verdict on a case is "leak" if and only if the file holds
// at least one analysistest diagnostic expectation (a `// want "..."`
// comment; fact expectations such as `// want name:"..."` do not count).
// When both the analyzer and the runtime say "leak", the oracle also judges
// goroutine by goroutine, comparing each leaked goroutine's traceback (with
// its ancestors' stacks, recorded with GODEBUG=tracebackancestors) with the
// lines the wants are for: every want must point at a leaked goroutine, and
// every leaked goroutine the case file started must be pointed at by a
// want. Where a want must be depends on the analyzer ([WantRules]):
// rangeclose and goroutineexit report the operation that blocks, so the
// want is on the innermost line of the case file in the goroutine's stack
// (the go statement when it blocks in another package); lostsignal reports
// the call that drops the only way to end the goroutine, which is not on
// its stack, so the want must be inside a function of the case file that
// started the goroutine, directly or through calls.
//
// A runnable case declares exactly one exported function
//
//	func CaseXxx()
//
// (name starting with "Case", no parameters, no results) that sets up the
// scenario and returns. It may leave goroutines behind, and it may even block
// forever itself, as a range loop over a channel nobody closes does. Other
// functions of the file, and of the helper packages, are free.
//
// Directives, each a comment on a line of its own anywhere in the file, adjust
// how a case is run. Each takes a mandatory reason, so that the corpus says
// why:
//
//	//oracle:skip <reason>
//		The case cannot be run (it exists only to exercise, say, a
//		type-checking corner); the file has no Case function.
//	//oracle:goleak <reason>
//		The goroutineleak profile cannot see this leak (see below); judge
//		"leak" by goroutines still running after the case returned, as
//		go.uber.org/goleak finds them, instead of by the profile.
//	//oracle:falsenegative <reason>
//		A known false negative, documented on purpose: the runtime sees a
//		leak but the analyzer is silent by design. The oracle asserts
//		exactly that (runtime: leak, and no `// want` in the file), so the
//		gap stays recorded and the test fails as soon as either side
//		changes. It may be combined with //oracle:goleak.
//
// A file with neither a Case function nor //oracle:skip, a malformed Case
// function, an unknown or repeated directive, or a directive without a reason
// are errors, reported with the file and line.
//
// # Runtime verdict
//
// Since Go 1.26 the runtime can prove goroutines leaked: with
// GOEXPERIMENT=goroutineleakprofile (always on from Go 1.27), writing the
// "goroutineleak" profile of runtime/pprof runs a garbage collection that
// first marks memory reachable from runnable goroutines only, then keeps
// adding blocked goroutines whose channel, sync.Mutex, sync.RWMutex,
// sync.WaitGroup or sync.Cond became reachable, until a fixed point. The
// goroutines still blocked on unreachable primitives can never wake up: they
// are reported as leaked. A leaked goroutine stays leaked, so a positive
// result is final.
//
// What the profile can see (each shown by a case run through this oracle):
// an unbuffered send or receive with no partner, operations on a nil
// channel, select {}, sync.WaitGroup.Wait, sync.Mutex.Lock and sync.Cond.Wait
// on heap values, goroutines deadlocked on each other's channels, a
// sync.Once whose function blocks, <-ctx.Done() on a context.WithCancel
// context nobody cancels, a range over a stopped time.Ticker, and the Case
// function's own goroutine blocked in a range over a channel nobody closes.
//
// What it cannot see, by construction (it reasons about reachability, and
// treats anything it cannot analyze as able to run):
//
//   - a primitive reachable from a global variable (a channel or a
//     sync.Mutex in a package-level var): it is always marked;
//   - a primitive that is not in the heap at all, which is conservatively
//     treated as reachable;
//   - a primitive reachable from a goroutine that is not blocked on a
//     concurrency primitive: one parked in time.Sleep, in I/O or a system
//     call, or spinning; that goroutine counts as runnable, and so does
//     everything it references;
//   - a primitive reachable from a pending timer: a select with a
//     time.After case, a context.WithTimeout or WithDeadline context whose
//     deadline is far away, a range over a running time.Ticker's channel;
//     the runtime's timer heap keeps them reachable;
//   - goroutines blocked in anything other than channel operations, select
//     and the sync primitives above (time.Sleep, I/O, system calls), and
//     goroutines that run forever rather than block.
//
// Cases whose leak is of that kind carry //oracle:goleak. In the default mode
// the verdict is "leak" when the profile reports at least one leaked
// goroutine, and "no leak" when it reports none AND goleak (with its usual
// retries) finds no goroutine left running: negatives must leave nothing
// behind. Goroutines left running that the profile does not prove leaked are
// reported as a disagreement of their own, with a hint to add //oracle:goleak
// if that is why.
//
// Time is bounded: a Case function that has not returned after 1.5s is
// judged as it stands (its own goroutine then counts as left running, or
// leaked), and goroutines get up to 2s more to reach the point where they
// block. A case should therefore return promptly and must not rely on
// sleeping for long. Most cases are judged in milliseconds: the harness stops
// as soon as the profile proves a leak or no goroutine of the case is left.
//
// # Mechanics
//
// Corpus packages live under testdata/ and cannot be imported by the
// module. For each analyzer, [Build] copies its corpus into a temporary
// module named after the analyzer (requiring go.uber.org/goleak at the
// version, and with the go.sum, of the leakvet module, so no download is
// needed), adds a generated main package that maps case names to Case
// functions and calls the harness (package
// github.com/leakvet/leakvet/internal/oracle/harness, copied verbatim), and
// builds it once with the goroutineleakprofile experiment added to any
// GOEXPERIMENT already in effect. [Binary.Run] then runs that binary once per
// case, each in a fresh process: the harness starts the Case function in a
// goroutine of its own, waits a bounded time for it to return while polling
// the profile, then keeps polling for a bounded time (goroutines may need a
// moment to reach the point where they block), and stops as soon as the
// verdict cannot change any more. [Judge] compares the outcome with the
// analyzer's verdict and explains any disagreement with the leaked
// goroutines' stacks.
//
// # Running
//
// The oracle is part of go test ./... (it is skipped with -short). To look at
// one analyzer, or one case, with the verdicts of the cases that agree:
//
//	go test ./internal/oracle -run 'TestOracle/rangeclose/pos_no_sends.go' -v
//
// The directory name oraclemain is reserved in a corpus, for the generated
// main package.
package oracle

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/scanner"
	"time"

	"github.com/leakvet/leakvet/internal/leakprofile"
	"github.com/leakvet/leakvet/internal/oracle/harness"
)

// Directive words, as in //oracle:<word> <reason>.
const (
	DirectiveSkip          = "skip"
	DirectiveGoleak        = "goleak"
	DirectiveFalseNegative = "falsenegative"
)

const directivePrefix = "//oracle:"

// casePrefix starts the name of the function that runs a case.
const casePrefix = "Case"

// Case is one file of a corpus.
type Case struct {
	// Path is the file's path, as given to [ParseFile].
	Path string
	// Func is the name of the Case function; empty for a skipped case.
	Func string
	// Want reports whether the file holds at least one analysistest
	// diagnostic expectation: the analyzer's verdict is "leak".
	Want bool
	// WantLines are the lines the diagnostic expectations are for, in
	// order (a `// want +1 "..."` is for the line below it).
	WantLines []int
	// Skip, Goleak and FalseNegative hold the reasons given with the
	// directives of those names; empty when the directive is absent.
	Skip, Goleak, FalseNegative string

	funcLines [][2]int // first and last line of each function declaration
}

// Name is the case file's base name.
func (c *Case) Name() string { return filepath.Base(c.Path) }

// Mode is the harness mode the case is judged in.
func (c *Case) Mode() string {
	if c.Goleak != "" {
		return harness.ModeGoleak
	}
	return harness.ModeProfile
}

// AnalyzerVerdict describes what the analyzer says about the case.
func (c *Case) AnalyzerVerdict() string {
	if c.Want {
		return "leak (the file has a // want comment)"
	}
	return "no leak (the file has no // want comment)"
}

// ParseDir parses the case files of a corpus directory: the .go files
// directly in dir, except test files, files whose name starts with "_" or
// ".", and files excluded by build constraints. The cases come sorted by
// file name. Errors name the file and line; all of them are returned
// together, along with the cases that parsed. If dir does not exist, the
// error wraps fs.ErrNotExist.
func ParseDir(dir string) ([]*Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var cases []*Case
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil {
			errs = append(errs, err)
			continue
		} else if !ok {
			continue
		}
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c, err := ParseFile(fset, path, src)
		if err != nil {
			errs = append(errs, err)
		}
		if c != nil {
			cases = append(cases, c)
		}
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Path < cases[j].Path })
	return cases, errors.Join(errs...)
}

// ParseFile parses one case file, whose content is src. It returns the case
// and every problem found, each error naming the file and line. The case is
// nil only when the file is not valid Go.
func ParseFile(fset *token.FileSet, path string, src []byte) (*Case, error) {
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	c := &Case{Path: path, funcLines: funcRanges(fset, f)}
	var errs []error
	errorf := func(pos token.Pos, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", fset.Position(pos), fmt.Sprintf(format, args...)))
	}
	tf := fset.File(f.Pos())

	// Expectations and directives.
	directivePos := map[string]token.Pos{}
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			deltas, err := diagnosticExpectations(cm.Text)
			if err != nil {
				errorf(cm.Pos(), "in 'want' comment: %v", err)
			}
			for _, d := range deltas {
				c.Want = true
				c.WantLines = append(c.WantLines, fset.Position(cm.Pos()).Line+d)
			}

			text := cm.Text
			if !strings.HasPrefix(text, directivePrefix) {
				if word, ok := spacedDirective(text); ok {
					errorf(cm.Pos(), "write the directive as //oracle:%s, with no space after //", word)
				}
				continue
			}
			body := strings.TrimPrefix(text, directivePrefix)
			word := body
			if i := strings.IndexAny(body, " \t"); i >= 0 {
				word = body[:i]
			}
			reason := strings.TrimSpace(body[len(word):])
			if !ownLine(tf, src, cm.Pos()) {
				errorf(cm.Pos(), "directive //oracle:%s must be on a line of its own", word)
			}
			var field *string
			switch word {
			case DirectiveSkip:
				field = &c.Skip
			case DirectiveGoleak:
				field = &c.Goleak
			case DirectiveFalseNegative:
				field = &c.FalseNegative
			default:
				errorf(cm.Pos(), "unknown directive //oracle:%s (known: %s, %s, %s)", word,
					DirectiveSkip, DirectiveGoleak, DirectiveFalseNegative)
				continue
			}
			if prev, dup := directivePos[word]; dup {
				errorf(cm.Pos(), "repeated directive //oracle:%s (first at %s)", word, fset.Position(prev))
				continue
			}
			directivePos[word] = cm.Pos()
			if reason == "" {
				errorf(cm.Pos(), "directive //oracle:%s needs a reason: //oracle:%s <why>", word, word)
				reason = "(no reason given)"
			}
			*field = reason
		}
	}

	// The Case function.
	var caseFuncs []*ast.FuncDecl
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, casePrefix) {
			continue
		}
		caseFuncs = append(caseFuncs, fd)
		if fd.Type.TypeParams != nil || fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 0 {
			errorf(fd.Pos(), "%s must be declared as func %s(), with no type parameters, parameters or results", fd.Name.Name, fd.Name.Name)
		}
	}
	switch {
	case c.Skip != "":
		if len(caseFuncs) > 0 {
			errorf(caseFuncs[0].Pos(), "file has //oracle:skip but declares %s: remove one of them", caseFuncs[0].Name.Name)
		}
		for _, word := range []string{DirectiveGoleak, DirectiveFalseNegative} {
			if pos, ok := directivePos[word]; ok {
				errorf(pos, "//oracle:%s has no meaning in a file with //oracle:skip", word)
			}
		}
	case len(caseFuncs) == 0:
		errorf(f.Package, "no Case function: declare one func CaseXxx() that runs the scenario, or add //oracle:skip <reason>")
	case len(caseFuncs) > 1:
		var names []string
		for _, fd := range caseFuncs {
			names = append(names, fd.Name.Name)
		}
		errorf(caseFuncs[1].Pos(), "more than one Case function (%s): a file is one case", strings.Join(names, ", "))
	default:
		c.Func = caseFuncs[0].Name.Name
	}
	return c, errors.Join(errs...)
}

// spacedDirective reports whether a comment looks like a directive
// misspelled with a space, as in "// oracle:skip".
func spacedDirective(text string) (string, bool) {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, "oracle:")
	if !ok {
		return "", false
	}
	word, _, _ := strings.Cut(rest, " ")
	switch word {
	case DirectiveSkip, DirectiveGoleak, DirectiveFalseNegative:
		return word, true
	}
	return "", false
}

// ownLine reports whether only blanks precede pos on its line.
func ownLine(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	lineStart := tf.Offset(tf.LineStart(tf.Line(pos)))
	return len(bytes.TrimSpace(src[lineStart:off])) == 0
}

// diagnosticExpectations returns, for each diagnostic expectation in a
// comment, the offset of the line it is for from the comment's line, following the rules of analysistest: the text of a // or /*
// comment, or whatever follows a "// want" inside it, is an expectation if it
// starts with "want"; a quoted regular expression is a diagnostic, and
// name:"regexp" is a fact.
func diagnosticExpectations(comment string) ([]int, error) {
	text := strings.TrimPrefix(comment, "//")
	if text == comment {
		text = strings.TrimPrefix(text, "/*")
		text = strings.TrimSuffix(text, "*/")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	text = strings.TrimSpace(text)
	rest, ok := strings.CutPrefix(text, "want")
	if !ok {
		return nil, nil
	}

	var scanErr string
	sc := new(scanner.Scanner).Init(strings.NewReader(rest))
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	var deltas []int
	delta := 0
	for {
		switch tok := sc.Scan(); tok {
		case '+':
			if tok := sc.Scan(); tok != scanner.Int {
				return nil, fmt.Errorf("got +%s, want +Int", scanner.TokenString(tok))
			}
			delta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			deltas = append(deltas, delta)
		case scanner.Ident:
			if tok := sc.Scan(); tok != ':' {
				return nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), sc.TokenText())
			}
			if tok := sc.Scan(); tok != scanner.String && tok != scanner.RawString {
				return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
			}
		case scanner.EOF:
			if scanErr != "" {
				return nil, errors.New(scanErr)
			}
			return deltas, nil
		default:
			return nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// ModuleRoot returns the directory of the go.mod file governing dir, found
// by walking up from it.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod in %s or any parent", dir)
		}
		d = parent
	}
}

//go:embed harness/harness.go
var harnessSource []byte

// goleakModule is the module the harness needs besides the standard library.
const goleakModule = "go.uber.org/goleak"

// mainDir is the directory of the generated main package in the temporary
// module.
const mainDir = "oraclemain"

// Binary is a corpus built into a runnable program.
type Binary struct {
	// Path is the program's file.
	Path string
	// Corpus is the name of the corpus (and of its module).
	Corpus string
	// Dir is the temporary module it was built from.
	Dir string
}

// BuildConfig says where and how to build.
type BuildConfig struct {
	// ModuleRoot is the root of the leakvet module, whose go.mod and
	// go.sum supply the goleak requirement and checksums.
	ModuleRoot string
	// WorkDir is an empty directory to build in; it must outlive the
	// Binary.
	WorkDir string
	// Fixed builds every case file that has a golden file beside it
	// (x.go.golden, the expected result of applying the analyzer's
	// suggested fixes to x.go) from the golden file instead: the program
	// as the fixes leave it.
	Fixed bool
}

// Build copies the corpus in srcDir, a package named name, into a temporary
// module in cfg.WorkDir, generates a main package running cases, and builds
// it with the goroutineleakprofile experiment. Skipped cases are left out.
func Build(ctx context.Context, cfg BuildConfig, name, srcDir string, cases []*Case) (*Binary, error) {
	modDir := filepath.Join(cfg.WorkDir, name)
	if err := copyTree(srcDir, modDir); err != nil {
		return nil, fmt.Errorf("copying corpus: %v", err)
	}
	if _, err := os.Stat(filepath.Join(modDir, mainDir)); err == nil {
		return nil, fmt.Errorf("corpus %s has a directory %q, which the oracle needs for itself", srcDir, mainDir)
	}
	if cfg.Fixed {
		for _, c := range cases {
			golden, err := os.ReadFile(c.Path + ".golden")
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(modDir, c.Name()), golden, 0o666); err != nil {
				return nil, err
			}
		}
	}

	gomod, err := goModFor(ctx, cfg.ModuleRoot, name)
	if err != nil {
		return nil, err
	}
	gosum, err := os.ReadFile(filepath.Join(cfg.ModuleRoot, "go.sum"))
	if err != nil {
		return nil, err
	}
	var entries bytes.Buffer
	for _, c := range cases {
		if c.Func != "" {
			fmt.Fprintf(&entries, "\t\t%q: corpus.%s,\n", c.Func, c.Func)
		}
	}
	alias := "corpus"
	if entries.Len() == 0 {
		alias = "_" // still built, so that it is known to compile
	}
	var mainSrc bytes.Buffer
	fmt.Fprintf(&mainSrc, "// Code generated by the leakvet oracle. DO NOT EDIT.\n\n")
	fmt.Fprintf(&mainSrc, "package main\n\nimport (\n\t%s %q\n\t%q\n)\n\n", alias, name, name+"/"+mainDir+"/harness")
	fmt.Fprintf(&mainSrc, "func main() {\n\tharness.Main(map[string]func(){\n%s\t})\n}\n", entries.Bytes())
	files := map[string][]byte{
		"go.mod":                        gomod,
		"go.sum":                        gosum,
		mainDir + "/main.go":            mainSrc.Bytes(),
		mainDir + "/harness/harness.go": harnessSource,
	}
	for rel, data := range files {
		p := filepath.Join(modDir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o666); err != nil {
			return nil, err
		}
	}

	env, err := leakprofile.BuildEnv(ctx)
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(cfg.WorkDir, name+".oracle")
	cmd := exec.CommandContext(ctx, "go", "build", "-mod=mod", "-trimpath", "-o", bin, "./"+mainDir)
	cmd.Dir = modDir
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building corpus %s (GOEXPERIMENT=%s): %v\n%s", name, leakprofile.LookupEnv(env, "GOEXPERIMENT"), err, out)
	}
	return &Binary{Path: bin, Corpus: name, Dir: modDir}, nil
}

// goModFor returns the go.mod of the temporary module: the Go version of
// the leakvet module and its requirement on goleak.
func goModFor(ctx context.Context, root, name string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", "mod", "edit", "-json")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s/go.mod: %v", root, err)
	}
	var mod struct {
		Go      string
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, err
	}
	i := slices.IndexFunc(mod.Require, func(r struct{ Path, Version string }) bool { return r.Path == goleakModule })
	if i < 0 {
		return nil, fmt.Errorf("%s/go.mod does not require %s", root, goleakModule)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "module %s\n\n", name)
	if mod.Go != "" {
		fmt.Fprintf(&b, "go %s\n\n", mod.Go)
	}
	fmt.Fprintf(&b, "require %s %s\n", goleakModule, mod.Require[i].Version)
	return b.Bytes(), nil
}

// copyTree copies the directory src to dst, recursively.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o777)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o666)
		}
		return nil // symlinks and the like are not corpus material
	})
}

// RunConfig bounds the time spent on one case.
type RunConfig struct {
	// Return is how long to wait for the Case function to return.
	Return time.Duration
	// Settle is how long to keep looking for a leak afterwards.
	Settle time.Duration
}

// DefaultRunConfig is what the oracle test uses.
var DefaultRunConfig = RunConfig{Return: 1500 * time.Millisecond, Settle: 2 * time.Second}

// Run runs one case in a process of its own and returns the harness' report.
// An error means the case could not be judged: the process crashed (a
// goroutine of the case panicked, say), or the harness could not work.
func (b *Binary) Run(ctx context.Context, c *Case, cfg RunConfig) (*harness.Report, error) {
	if c.Func == "" {
		return nil, fmt.Errorf("%s: case has no Case function", c.Path)
	}
	out, err := os.CreateTemp("", "oracle-report-*.json")
	if err != nil {
		return nil, err
	}
	out.Close()
	defer os.Remove(out.Name())

	// The harness stops by itself; the deadline only guards against a case
	// that keeps the process from exiting at all.
	ctx, cancel := context.WithTimeout(ctx, cfg.Return+cfg.Settle+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.Path,
		"-case", c.Func, "-mode", c.Mode(), "-out", out.Name(),
		"-return", cfg.Return.String(), "-settle", cfg.Settle.String())
	// The ancestors' stacks name the calls that started a goroutine, for
	// judging wants that are not on its own stack (see [WantRules]).
	godebug := fmt.Sprintf("tracebackancestors=%d", TracebackAncestors)
	if prev := os.Getenv("GODEBUG"); prev != "" {
		godebug = prev + "," + godebug
	}
	cmd.Env = append(os.Environ(), "GODEBUG="+godebug)
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	runErr := cmd.Run()
	data, err := os.ReadFile(out.Name())
	if runErr != nil || err != nil || len(data) == 0 {
		if runErr == nil {
			runErr = errors.New("no report written")
		}
		return nil, fmt.Errorf("%s: running %s: %v\n%s", c.Path, c.Func, runErr, trimText(output.String(), 60, 6000))
	}
	var rep harness.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("%s: reading report of %s: %v", c.Path, c.Func, err)
	}
	if rep.Error != "" {
		return &rep, fmt.Errorf("%s: %s", c.Path, rep.Error)
	}
	return &rep, nil
}

// Runtime verdicts.
const (
	RuntimeLeak      = "leak"
	RuntimeNoLeak    = "no leak"
	RuntimeLingering = "goroutines left running, none proven leaked"
)

// Judgement is the comparison of the analyzer's verdict on a case with the
// runtime's.
type Judgement struct {
	// Analyzer and Runtime are the two verdicts, in words.
	Analyzer, Runtime string
	// Mismatch explains the disagreement; empty when they agree.
	Mismatch string
	// Notes are remarks worth logging even when they agree.
	Notes []string
}

// RuntimeVerdict classifies a report: [RuntimeLeak], [RuntimeNoLeak] or,
// in profile mode only, [RuntimeLingering].
func RuntimeVerdict(rep *harness.Report) string {
	if rep.Mode == harness.ModeGoleak {
		if rep.Lingering > 0 || !rep.Returned {
			return RuntimeLeak
		}
		return RuntimeNoLeak
	}
	switch {
	case rep.Leaked > rep.BaselineLeaked:
		return RuntimeLeak
	case rep.Lingering > 0 || !rep.Returned:
		return RuntimeLingering
	}
	return RuntimeNoLeak
}

// Judge compares the analyzer's verdict on c with the runtime's report.
func Judge(c *Case, rep *harness.Report) Judgement {
	rv := RuntimeVerdict(rep)
	j := Judgement{Analyzer: c.AnalyzerVerdict(), Runtime: describeRuntime(rep, rv)}
	runtimeLeaks := rv == RuntimeLeak

	var problems []string
	switch {
	case rep.Panic != "":
		problems = append(problems, fmt.Sprintf("%s panicked: %s", c.Func, rep.Panic))
	case rep.BaselineLeaked > 0:
		problems = append(problems, fmt.Sprintf("%d goroutines leaked before %s even started (package initialization?)", rep.BaselineLeaked, c.Func))
	}
	switch {
	case c.FalseNegative != "":
		if c.Want {
			problems = append(problems, "the case is marked //oracle:falsenegative but the analyzer now reports it: remove the directive")
		}
		if !runtimeLeaks {
			problems = append(problems, "the case is marked //oracle:falsenegative but the runtime sees no leak: the case no longer shows the false negative")
		}
	case c.Want && rv == RuntimeLingering:
		problems = append(problems, "the analyzer reports a leak, and goroutines were left running, but the goroutineleak profile proved none leaked; "+
			"if the profile cannot see this leak (e.g. the primitive is reachable from a global or from a goroutine that is not blocked on a concurrency primitive), add //oracle:goleak <reason>")
	case c.Want && !runtimeLeaks:
		problems = append(problems, "the analyzer reports a leak but the runtime sees none: a false positive, or a case that does not exercise the leak")
	case !c.Want && runtimeLeaks:
		problems = append(problems, "the runtime sees a leak the analyzer does not report: a false negative; if it is known and by design, add //oracle:falsenegative <reason>")
	case !c.Want && rv == RuntimeLingering:
		problems = append(problems, "the analyzer reports no leak, but goroutines were left running after the case (the profile proved none leaked): a negative case must leave nothing behind")
	}
	if len(problems) == 0 {
		problems = judgeGoroutines(c, rep, WantRules[c.corpus()])
	}
	if c.Goleak != "" && rep.Leaked > rep.BaselineLeaked {
		j.Notes = append(j.Notes, "the goroutineleak profile does see this leak: //oracle:goleak may be unnecessary")
	}
	if len(problems) > 0 {
		j.Mismatch = strings.Join(problems, "; ")
	}
	return j
}

func describeRuntime(rep *harness.Report, verdict string) string {
	var b strings.Builder
	b.WriteString(verdict)
	fmt.Fprintf(&b, " (mode %s: profile found %d leaked goroutine(s)", rep.Mode, rep.Leaked-rep.BaselineLeaked)
	if rep.Mode == harness.ModeGoleak || verdict != RuntimeLeak {
		fmt.Fprintf(&b, ", goleak found %d left running", rep.Lingering)
	}
	if rep.Returned {
		b.WriteString(", the Case function returned")
	} else {
		b.WriteString(", the Case function did not return")
	}
	fmt.Fprintf(&b, ", judged in %v)", rep.Elapsed.Round(time.Millisecond))
	return b.String()
}

// Explain formats a disagreement for a developer: which file, both
// verdicts, and the goroutines concerned, trimmed.
func Explain(c *Case, rep *harness.Report, j Judgement) string {
	var b strings.Builder
	verdict := j.Mismatch
	if verdict == "" {
		verdict = "the analyzer and the runtime agree"
	}
	fmt.Fprintf(&b, "%s (%s): %s\n", c.Path, c.Func, verdict)
	fmt.Fprintf(&b, "\tanalyzer: %s\n", j.Analyzer)
	fmt.Fprintf(&b, "\truntime:  %s\n", j.Runtime)
	if c.Goleak != "" {
		fmt.Fprintf(&b, "\t//oracle:goleak %s\n", c.Goleak)
	}
	if c.FalseNegative != "" {
		fmt.Fprintf(&b, "\t//oracle:falsenegative %s\n", c.FalseNegative)
	}
	const maxStacks = 4
	if len(rep.LeakedStacks) > 0 {
		fmt.Fprintf(&b, "leaked goroutines (goroutineleak profile):\n")
		for i, s := range rep.LeakedStacks {
			if i == maxStacks {
				fmt.Fprintf(&b, "\t... and %d more\n", len(rep.LeakedStacks)-maxStacks)
				break
			}
			b.WriteString(indent(trimText(cleanStack(s), 16, 2000)))
		}
	}
	if rep.LingeringStacks != "" && (len(rep.LeakedStacks) == 0 || rep.Mode == harness.ModeGoleak) {
		fmt.Fprintf(&b, "goroutines left running (goleak):\n")
		b.WriteString(indent(trimText(cleanStack(rep.LingeringStacks), 40, 4000)))
	}
	return b.String()
}

var pcOffset = regexp.MustCompile(` \+0x[0-9a-f]+$`)

// cleanStack drops program-counter offsets, which say nothing to a reader,
// and names the harness' frames for what they are.
func cleanStack(s string) string {
	var out []string
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := pcOffset.ReplaceAllString(lines[i], "")
		if strings.Contains(l, "/"+mainDir+"/harness.") && !strings.HasPrefix(l, "\t") {
			// A function line, followed by its file line.
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
				i++
			}
			if prefix, _, ok := strings.Cut(l, " "); ok && prefix == "created" {
				l = "created by the oracle harness (this goroutine ran the Case function)"
			} else {
				l = "[oracle harness]"
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// trimText keeps at most maxLines lines and maxBytes bytes of s.
func trimText(s string, maxLines, maxBytes int) string {
	s = strings.TrimRight(s, "\n")
	lines := strings.Split(s, "\n")
	cut := false
	if len(lines) > maxLines {
		lines, cut = lines[:maxLines], true
	}
	s = strings.Join(lines, "\n")
	if len(s) > maxBytes {
		s, cut = s[:maxBytes], true
	}
	if cut {
		s += "\n[... trimmed]"
	}
	return s + "\n"
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t") + "\n"
}
