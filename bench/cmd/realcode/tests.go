package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/leakvet/leakvet/internal/leaktest"
)

// The -tests mode runs "leakvet test" over each module's own test suite,
// one package at a time, and reports recall on real code: the goroutine
// leaks the tests make (proven by the runtime's goroutineleak profile), and
// how many of them leakvet's static findings predicted.

// testsConfig bounds the time spent.
type testsConfig struct {
	pkgTimeout time.Duration // go test -timeout, per package
	pkgBox     time.Duration // hard limit per package, build included
	budget     time.Duration // per module: no package starts after it
	filter     *regexp.Regexp
}

// TestRun is one package's "leakvet test -json".
type TestRun struct {
	Module  string           `json:"module"`
	Package string           `json:"package"`
	Seconds float64          `json:"seconds"`
	Exit    int              `json:"exit"`
	Killed  bool             `json:"killed,omitempty"` // hit the hard limit
	Error   string           `json:"error,omitempty"`
	Result  *leaktest.Result `json:"result,omitempty"`
}

// runTestsMode runs leakvet test on every package with tests of every
// selected module and writes results/DATE-tests.{md,json}.
func runTestsMode(c *config, tc testsConfig) error {
	start := time.Now()
	for _, d := range []string{c.work, c.out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	t, err := buildTools(c)
	if err != nil {
		return err
	}
	var runs []*TestRun
	var mods []ModInfo
	for _, m := range c.modules {
		mi, err := prepare(c, m)
		if err != nil {
			return fmt.Errorf("%s: %v", m.Name, err)
		}
		mods = append(mods, mi)
		pkgs, err := testedPackages(mi.Dir)
		if err != nil {
			return fmt.Errorf("%s: %v", m.Name, err)
		}
		modStart := time.Now()
		for _, p := range pkgs {
			if tc.filter != nil && !tc.filter.MatchString(p) {
				continue
			}
			if time.Since(modStart) > tc.budget {
				log.Printf("%s: budget of %v spent, %s and later packages not run", m.Name, tc.budget, p)
				runs = append(runs, &TestRun{Module: m.Name, Package: p, Error: "not run: module budget spent"})
				continue
			}
			r := runLeakvetTest(t.leakvet, mi, p, tc)
			log.Printf("%s: %s: %.0fs, exit %d%s", m.Name, p, r.Seconds, r.Exit, r.brief())
			runs = append(runs, r)
		}
	}
	if err := writeTests(c, tc, t.info, mods, runs); err != nil {
		return err
	}
	log.Printf("wrote %s-tests.md in %s", filepath.Join(c.out, c.date), time.Since(start).Round(time.Second))
	return nil
}

// testsFile is what -tests writes as results/DATE-tests.json.
type testsFile struct {
	Leakvet  string     `json:"leakvet"`
	Settings string     `json:"settings"` // the limits, in words
	Runs     []*TestRun `json:"runs"`
}

func (tc testsConfig) String() string {
	s := fmt.Sprintf("`leakvet test -json -short -timeout=%v PKG` per package, killed after %v (build and static run included), no package of a module started after %v",
		tc.pkgTimeout, tc.pkgBox, tc.budget)
	if tc.filter != nil {
		s += fmt.Sprintf(", packages matching `%s`", tc.filter)
	}
	return s
}

func writeTests(c *config, tc testsConfig, info ToolInfo, mods []ModInfo, runs []*TestRun) error {
	base := filepath.Join(c.out, c.date+"-tests")
	if err := writeJSON(base+".json", testsFile{Leakvet: info.Leakvet, Settings: tc.String(), Runs: runs}); err != nil {
		return err
	}
	return writeTestsReport(c, base, info, mods, runs, []string{tc.String()})
}

func writeTestsReport(c *config, base string, info ToolInfo, mods []ModInfo, runs []*TestRun, settings []string) error {
	triage, err := readTestsTriage(filepath.Join(c.bench, "tests-triage.tsv"))
	if err != nil {
		return err
	}
	return os.WriteFile(base+".md", []byte(testsReport(info, mods, runs, settings, triage)), 0o644)
}

// mergeTests combines the runs of earlier -tests results (a package run
// again replaces its earlier run) and writes their report again.
func mergeTests(c *config, tc testsConfig, files []string) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	var runs []*TestRun
	var info ToolInfo
	var settings []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var tf testsFile
		if err := json.Unmarshal(data, &tf); err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		info.Leakvet = tf.Leakvet
		settings = append(settings, fmt.Sprintf("%s (leakvet %s): %s", filepath.Base(f), tf.Leakvet, tf.Settings))
		for _, r := range tf.Runs {
			i := slices.IndexFunc(runs, func(o *TestRun) bool { return o.Module == r.Module && o.Package == r.Package })
			switch {
			case i < 0:
				runs = append(runs, r)
			case r.Error == "not run: module budget spent":
				// keep the earlier, real run
			default:
				runs[i] = r
			}
		}
	}
	var mods []ModInfo
	for _, m := range c.modules {
		if slices.ContainsFunc(runs, func(r *TestRun) bool { return r.Module == m.Name }) {
			mods = append(mods, ModInfo{Module: m, Dir: filepath.Join(c.work, "src", m.Name+"@"+m.Version)})
		}
	}
	base := filepath.Join(c.out, c.date+"-tests")
	if err := writeJSON(base+".json", testsFile{Leakvet: info.Leakvet, Settings: strings.Join(settings, "; "), Runs: runs}); err != nil {
		return err
	}
	return writeTestsReport(c, base, info, mods, runs, settings)
}

// testedPackages lists the module's packages that have test files.
func testedPackages(dir string) ([]string, error) {
	out, err := command(dir, goEnv(), "go", "list", "-e", "-f", "{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}", "./...")
	if err != nil {
		return nil, err
	}
	var pkgs []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if p := strings.TrimSpace(sc.Text()); p != "" {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs, nil
}

// runLeakvetTest runs leakvet test -json -short on one package, killed
// after tc.pkgBox.
func runLeakvetTest(leakvet string, mi ModInfo, pkg string, tc testsConfig) *TestRun {
	r := &TestRun{Module: mi.Name, Package: pkg}
	ctx, cancel := context.WithTimeout(context.Background(), tc.pkgBox)
	defer cancel()
	cmd := exec.CommandContext(ctx, leakvet, "test", "-json", "-short", "-timeout="+tc.pkgTimeout.String(), pkg)
	cmd.Dir = mi.Dir
	cmd.Env = goEnv()
	// Kill go test and the test binaries too, not only leakvet: they are
	// in leakvet's process group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r.Seconds = time.Since(start).Seconds()
	r.Exit = cmd.ProcessState.ExitCode()
	if ctx.Err() != nil {
		r.Killed = true
		r.Error = fmt.Sprintf("killed after %v", tc.pkgBox)
		return r
	}
	res := new(leaktest.Result)
	if jerr := json.Unmarshal(stdout.Bytes(), res); jerr != nil {
		r.Error = fmt.Sprintf("%v: %s", err, lastLines(stderr.String(), 3))
		return r
	}
	r.Result = res
	return r
}

func (r *TestRun) brief() string {
	if r.Error != "" {
		return " (" + r.Error + ")"
	}
	conf, sites := 0, 0
	for _, f := range r.Result.Findings {
		if f.Confirmed {
			conf++
			sites += len(f.Sites)
		}
	}
	return fmt.Sprintf(", %d findings (%d confirmed), %d runtime-only sites", len(r.Result.Findings), conf, len(r.Result.RuntimeOnly))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
}

// readTestsTriage reads tests-triage.tsv: module, blocking file:line
// (relative to the module root), and the explanation of a runtime-only
// leak.
func readTestsTriage(file string) (map[string]string, error) {
	data, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want module, file:line and explanation, tab-separated", file, i+1)
		}
		m[f[0]+" "+f[1]] = f[2]
	}
	return m, nil
}

// testsReport is the table of runtime leaks against static findings.
func testsReport(info ToolInfo, mods []ModInfo, runs []*TestRun, settings []string, triage map[string]string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# leakvet test on real code\n\n")
	p("Each package with tests ran alone, under these limits:\n\n")
	for _, s := range settings {
		p("- %s\n", s)
	}
	p("\nA leak is a goroutine the goroutineleak profile proved blocked forever when the test binary exited;\n")
	p("a site is one blocking statement and one go statement.\n\n")
	p("| module | packages with tests | run | leak report | go test failed | killed | not run | findings | confirmed | not triggered | leak sites | predicted | runtime only | leaked goroutines |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, mi := range mods {
		var pk, ran, reported, failed, killed, notRun, findings, conf, sites, predicted, ro, gs int
		for _, r := range runs {
			if r.Module != mi.Name {
				continue
			}
			pk++
			if r.Result == nil {
				if r.Killed {
					killed++
				} else {
					notRun++
				}
				continue
			}
			ran++
			for _, p := range r.Result.Packages {
				if p.Tested {
					reported++
				}
			}
			if r.Result.TestsFailed {
				failed++
			}
			for _, f := range r.Result.Findings {
				findings++
				if f.Confirmed {
					conf++
					for _, s := range f.Sites {
						predicted++
						sites++
						gs += s.Goroutines
					}
				}
			}
			for _, s := range r.Result.RuntimeOnly {
				ro++
				sites++
				gs += s.Goroutines
			}
		}
		p("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n",
			mi.Name, pk, ran, reported, failed, killed, notRun, findings, conf, findings-conf, sites, predicted, ro, gs)
	}
	p("\n`predicted` counts leak sites a static finding explains (a site confirming two findings counts twice).\n\n")

	p("## Leak sites\n\n")
	p("| module | package | kind | blocking | started at | goroutines | stack ≥ | tests | explanation |\n")
	p("| --- | --- | --- | --- | --- | ---: | ---: | --- | --- |\n")
	for _, r := range runs {
		if r.Result == nil {
			continue
		}
		dir := moduleDir(mods, r.Module)
		row := func(kind string, s *leaktest.Site) {
			blocking := relTo(dir, s.Blocking)
			expl := triage[r.Module+" "+blocking]
			if expl == "" && kind == "runtime only" {
				expl = "not triaged"
			}
			tests := strings.Join(s.Tests, ", ")
			if tests == "" || tests == "," {
				tests = "(TestMain or init)"
			}
			p("| %s | %s | %s | %s `%s` (%s) | %s | %d | %d KiB | %s | %s |\n", r.Module, r.Package, kind, blocking, shortFunc(s.Func), s.State,
				relTo(dir, s.Creator), s.Goroutines, (s.StackBytes+1023)/1024, tests, strings.ReplaceAll(expl, "|", `\|`))
		}
		for _, f := range r.Result.Findings {
			for _, s := range f.Sites {
				row("confirmed "+f.Analyzer, s)
			}
		}
		for _, s := range r.Result.RuntimeOnly {
			row("runtime only", s)
		}
	}
	p("\n## Packages not judged\n\n")
	var bad []string
	for _, r := range runs {
		switch {
		case r.Result == nil:
			bad = append(bad, fmt.Sprintf("- %s %s: %s", r.Module, r.Package, r.Error))
		default:
			for _, p := range r.Result.Packages {
				if !p.Tested {
					bad = append(bad, fmt.Sprintf("- %s %s: %s", r.Module, p.ImportPath, p.Note))
				}
			}
		}
	}
	sort.Strings(bad)
	if len(bad) == 0 {
		p("None.\n")
	}
	p("%s\n", strings.Join(bad, "\n"))
	return b.String()
}

func moduleDir(mods []ModInfo, name string) string {
	for _, m := range mods {
		if m.Name == name {
			return m.Dir
		}
	}
	return ""
}

func relTo(dir, posn string) string {
	if r, err := filepath.Rel(dir, posn); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return posn
}

func shortFunc(fn string) string {
	return fn[strings.LastIndex(fn, "/")+1:]
}
