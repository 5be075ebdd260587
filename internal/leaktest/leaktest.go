package leaktest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/leakvet/leakvet/internal/leakprofile"
)

//go:embed hook.go.txt
var hookSource string

// hookFile is the name of the file the overlay adds to each package.
const hookFile = "zz_leakvet_hook_test.go"

// A Finding is a static finding, as leakvet -json prints it.
type Finding struct {
	Analyzer string    `json:"analyzer"`
	Posn     string    `json:"posn"`
	End      string    `json:"end,omitempty"`
	Message  string    `json:"message"`
	Related  []Related `json:"related,omitempty"`
}

// Related is a related position of a finding.
type Related struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// Config says how to run.
type Config struct {
	// Dir is the directory to run go in; "" is the current one.
	Dir string
	// Stderr receives the output of go test.
	Stderr io.Writer
	// Findings returns the static findings for the package patterns,
	// run in Dir.
	Findings func(ctx context.Context, dir string, patterns []string) ([]Finding, error)
}

// A Package is one package of the run.
type Package struct {
	ImportPath string `json:"importPath"`
	// Tested reports whether the package has tests and its test binary
	// wrote a report.
	Tested bool `json:"tested"`
	// Note says why a package was not tested, or what went wrong.
	Note string `json:"note,omitempty"`
	// Mode is how leaks were found: "profile" (the goroutineleak
	// profile) or "snapshot" (goroutines left at exit).
	Mode string `json:"mode,omitempty"`
}

// Result is the outcome of a run.
type Result struct {
	Packages []Package `json:"packages"`
	// TestsFailed reports whether go test failed (a test failed, or a
	// package did not build).
	TestsFailed bool `json:"testsFailed"`
	// Findings are the static findings, each with its verdict.
	Findings []*Verdict `json:"findings"`
	// RuntimeOnly are the leak sites no finding explains.
	RuntimeOnly []*Site `json:"runtimeOnly"`
}

// Run runs the tests of the packages on the command line args (go test
// flags, then packages) with leak detection, and judges the static
// findings for the same packages against what leaked.
func Run(ctx context.Context, cfg Config, cmdline []string) (*Result, *args, error) {
	a, err := parseArgs(cmdline)
	if err != nil {
		return nil, nil, err
	}
	pkgs, err := listPackages(ctx, cfg.Dir, a)
	if err != nil {
		return nil, a, err
	}
	work, err := os.MkdirTemp("", "leakvet-test-")
	if err != nil {
		return nil, a, err
	}
	defer os.RemoveAll(work)
	reports := filepath.Join(work, "reports")
	if err := os.Mkdir(reports, 0o777); err != nil {
		return nil, a, err
	}

	res := &Result{}
	overlay := map[string]string{}
	for i, p := range pkgs {
		res.Packages = append(res.Packages, Package{ImportPath: p.ImportPath})
		switch {
		case p.Error != nil:
			res.Packages[i].Note = "not tested: " + p.Error.Err
		case len(p.TestGoFiles)+len(p.XTestGoFiles) == 0:
			res.Packages[i].Note = "no test files"
		default:
			src := strings.Replace(hookSource, "package PACKAGE", "package "+p.Name, 1)
			src = strings.Replace(src, "ImportPath: IMPORTPATH", "ImportPath: "+strconv.Quote(p.ImportPath), 1)
			f := filepath.Join(work, strconv.Itoa(i)+".go")
			if err := os.WriteFile(f, []byte(src), 0o666); err != nil {
				return nil, a, err
			}
			overlay[filepath.Join(p.Dir, hookFile)] = f
		}
	}

	var findings []Finding
	var staticErr error
	if cfg.Findings != nil {
		findings, staticErr = cfg.Findings(ctx, cfg.Dir, a.packages)
	}
	if staticErr != nil {
		return nil, a, fmt.Errorf("static analysis: %v", staticErr)
	}

	var leaks []leak
	if len(overlay) > 0 {
		failed, err := runTests(ctx, cfg, a, work, reports, overlay)
		if err != nil {
			return nil, a, err
		}
		res.TestsFailed = failed
		leaks, err = readReports(reports, res.Packages)
		if err != nil {
			return nil, a, err
		}
	}
	res.Findings, res.RuntimeOnly = judge(findings, leaks)
	return res, a, nil
}

// listedPackage is what go list says about a package.
type listedPackage struct {
	ImportPath, Dir, Name     string
	TestGoFiles, XTestGoFiles []string
	Error                     *struct{ Err string }
}

func listPackages(ctx context.Context, dir string, a *args) ([]listedPackage, error) {
	listArgs := []string{"list", "-e", "-json=ImportPath,Dir,Name,TestGoFiles,XTestGoFiles,Error"}
	for _, f := range a.goFlags {
		if name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "="); name == "tags" || name == "mod" || name == "modfile" || name == "C" {
			listArgs = append(listArgs, f)
		}
	}
	cmd := exec.CommandContext(ctx, "go", append(listArgs, a.packages...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, strings.TrimSpace(stderr.String()))
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		return nil, errors.New("no packages to test")
	}
	if !slices.ContainsFunc(pkgs, func(p listedPackage) bool { return p.Error == nil }) {
		return nil, errors.New(pkgs[0].Error.Err) // nothing to test: say why once
	}
	return pkgs, nil
}

// runTests runs go test with the overlay that adds the hook, and reports
// whether it failed. Its output goes to cfg.Stderr.
func runTests(ctx context.Context, cfg Config, a *args, work, reports string, overlay map[string]string) (bool, error) {
	data, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		return false, err
	}
	overlayFile := filepath.Join(work, "overlay.json")
	if err := os.WriteFile(overlayFile, data, 0o666); err != nil {
		return false, err
	}
	env, err := testEnv(ctx, cfg.Dir)
	if err != nil {
		return false, err
	}
	env = append(env, "LEAKVET_TEST_DIR="+reports)

	goArgs := []string{"test", "-overlay=" + overlayFile, "-ldflags=" + strings.TrimSpace(a.ldflags+" -checklinkname=0")}
	if !a.count {
		// The hook's report is a side effect a cached result would not
		// repeat.
		goArgs = append(goArgs, "-count=1")
	}
	goArgs = append(goArgs, a.goFlags...)
	goArgs = append(goArgs, a.packages...)
	if a.testArgs != nil {
		goArgs = append(append(goArgs, "-args"), a.testArgs...)
	}
	cmd := exec.CommandContext(ctx, "go", goArgs...)
	cmd.Dir = cfg.Dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = cfg.Stderr, cfg.Stderr
	// On an interrupt, let go test stop its test binaries.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return true, nil
	}
	return false, err
}

// testEnv is the environment of go test: the leak profile's, if this
// toolchain has the experiment, and tracebacks that show which goroutine,
// and so which test, started each goroutine.
func testEnv(ctx context.Context, dir string) ([]string, error) {
	env, err := leakprofile.BuildEnv(ctx)
	if err != nil {
		return nil, err
	}
	check := exec.CommandContext(ctx, "go", "env", "GOEXPERIMENT")
	check.Dir, check.Env = dir, env
	if err := check.Run(); err != nil {
		// A toolchain without the experiment: the hook falls back to
		// goroutine snapshots.
		env = os.Environ()
	}
	// Keep the user's workspace, if any: only the oracle needs it off.
	env = dropEnv(env, "GOWORK")
	if w, ok := os.LookupEnv("GOWORK"); ok {
		env = append(env, "GOWORK="+w)
	}
	godebug := "tracebackancestors=100"
	if old := os.Getenv("GODEBUG"); old != "" {
		godebug = old + "," + godebug
	}
	return append(env, "GODEBUG="+godebug), nil
}

func dropEnv(env []string, key string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// report is what the hook writes.
type report struct {
	ImportPath    string `json:"importPath"`
	Mode          string `json:"mode"`
	Dump          string `json:"dump"`
	StackMinBytes uint64 `json:"stackMinBytes"`
}

// readReports reads the hook's reports, marks the packages that wrote one,
// and returns the leaked goroutines.
func readReports(dir string, pkgs []Package) ([]leak, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var leaks []leak
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		var r report
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("reading a test binary's leak report: %v", err)
		}
		for i := range pkgs {
			if pkgs[i].ImportPath == r.ImportPath {
				pkgs[i].Tested, pkgs[i].Mode = true, r.Mode
			}
		}
		leaks = append(leaks, leaksOf(r)...)
	}
	for i := range pkgs {
		if !pkgs[i].Tested && pkgs[i].Note == "" {
			pkgs[i].Note = "no leak report: the test binary did not build, crashed, or was killed by a timeout"
		}
	}
	return leaks, nil
}
