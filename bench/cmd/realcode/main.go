// Command realcode measures leakvet on real code: pinned versions of popular
// concurrency-heavy modules, fetched through the Go module proxy.
//
// For each module it
//
//  1. downloads the module (go mod download -json) and copies it from the
//     read-only module cache into a scratch directory, with its
//     dependencies downloaded;
//  2. warms the build cache, so that every tool finds compiled export data;
//  3. runs, in turn and never in parallel, "go vet ./..." (the default
//     suite), "go vet -vettool=leakvet ./...", "staticcheck ./..." and
//     "leakvet -json ./...", each once with its result cache cold and once
//     with it warm, and records wall time, CPU time and peak RSS;
//  4. collects leakvet's findings and joins them with the triage file.
//
// A cold result cache is a new tool identity: go vet keys its cache on the
// vet tool's ID, which is the name of the binary for the toolchain's vet and
// a hash of the binary for leakvet, so each cold run uses a fresh copy of
// the tool with a new name and a few bytes appended; staticcheck gets a fresh
// STATICCHECK_CACHE. Standalone leakvet has no result cache, so it runs once.
//
// Usage, from the bench directory:
//
//	go run ./cmd/realcode                       # everything, 30-40 minutes
//	go run ./cmd/realcode -modules pgx,go-redis  # a selection
//	go run ./cmd/realcode -findings              # leakvet findings only
//	go run ./cmd/realcode -tests -modules caddy  # leakvet test on the test suites
//
// It writes results/DATE.md (the table), results/DATE.json (every
// measurement) and results/DATE-findings.json (every finding), and prints
// the findings that triage.tsv does not yet judge.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Module is one module of the corpus.
type Module struct {
	Name    string `json:"name"` // short name, for -modules
	Path    string `json:"path"`
	Version string `json:"version"`
}

// corpus lists the modules measured, smallest first.
var corpus = []Module{
	{"pgx", "github.com/jackc/pgx/v5", "v5.12.0"},
	{"go-redis", "github.com/redis/go-redis/v9", "v9.23.0"},
	{"grpc", "google.golang.org/grpc", "v1.85.0"},
	{"caddy", "github.com/caddyserver/caddy/v2", "v2.11.9"},
	{"etcd", "go.etcd.io/etcd/server/v3", "v3.7.3"},
	{"prometheus", "github.com/prometheus/prometheus", "v0.315.0"},
}

// The tools measured, in the order they run.
const (
	toolVet         = "go vet"
	toolVetLeakvet  = "go vet -vettool=leakvet"
	toolStaticcheck = "staticcheck"
	toolLeakvet     = "leakvet"
)

var allTools = []string{toolVet, toolVetLeakvet, toolStaticcheck, toolLeakvet}

var toolKeys = map[string]string{
	"vet":         toolVet,
	"leakvet-vet": toolVetLeakvet,
	"staticcheck": toolStaticcheck,
	"leakvet":     toolLeakvet,
}

type config struct {
	repo        string // root of the leakvet repository
	bench       string // the bench directory
	work        string // scratch directory
	out         string // results directory
	modules     []Module
	tools       []string
	staticcheck string // version query for honnef.co/go/tools
	findings    bool   // findings only: no measurements
	report      string // results JSON to report on again, instead of running
	count       int    // repetitions of each cold measurement
	warm        int    // warm measurements after each cold one
	date        string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("realcode: ")

	var c config
	cache, _ := os.UserCacheDir()
	var mods, tools string
	flag.StringVar(&mods, "modules", "all", "comma-separated short names of the modules to run ("+moduleNames()+"), or all")
	flag.StringVar(&tools, "tools", "all", "comma-separated tools to measure (vet, leakvet-vet, staticcheck, leakvet), or all")
	flag.StringVar(&c.work, "work", filepath.Join(cache, "leakvet-realcode"), "scratch directory for module copies, tool builds and logs")
	flag.StringVar(&c.out, "out", "results", "directory for the results")
	flag.StringVar(&c.repo, "repo", "", "root of the leakvet repository (default: the parent of the bench module)")
	flag.StringVar(&c.staticcheck, "staticcheck", "latest", "version of honnef.co/go/tools/cmd/staticcheck to install")
	flag.BoolVar(&c.findings, "findings", false, "only collect leakvet's findings (standalone leakvet -json); no timings")
	flag.IntVar(&c.count, "count", 1, "run each measurement `n` times (each cold run with a new cache) and keep the fastest")
	flag.IntVar(&c.warm, "warm", 3, "run each warm measurement `n` times after each cold one and keep the fastest")
	flag.StringVar(&c.report, "report", "", "write the report of an earlier run `results/DATE.json` again, with the verdicts of triage.tsv, without running anything")
	tests := flag.Bool("tests", false, "run `leakvet test` over each module's test suite, package by package, and report runtime leaks against static findings (results/DATE-tests.md)")
	var tc testsConfig
	flag.DurationVar(&tc.pkgTimeout, "tests-timeout", 60*time.Second, "with -tests: go test -timeout for each package")
	flag.DurationVar(&tc.pkgBox, "tests-box", 4*time.Minute, "with -tests: hard limit for each package, build included")
	flag.DurationVar(&tc.budget, "tests-budget", 15*time.Minute, "with -tests: no package of a module starts after this")
	testsMerge := flag.String("tests-merge", "", "with -tests: run nothing; combine the comma-separated `results/DATE-tests.json` files (later runs of a package win) and write the report again")
	testsPkgs := flag.String("tests-pkgs", "", "with -tests: only the packages whose import path matches this regexp")
	flag.StringVar(&c.date, "date", time.Now().UTC().Format("2006-01-02"), "date used in the names of the result files")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("unexpected arguments: %v", flag.Args())
	}

	var err error
	if c.modules, err = selectModules(mods); err != nil {
		log.Fatal(err)
	}
	if c.tools, err = selectTools(tools); err != nil {
		log.Fatal(err)
	}
	if c.findings {
		c.tools = []string{toolLeakvet}
		c.count = 1
	}
	if c.count < 1 || c.warm < 1 {
		log.Fatal("-count and -warm must be at least 1")
	}
	if c.bench, err = findBench(); err != nil {
		log.Fatal(err)
	}
	if c.repo == "" {
		c.repo = filepath.Dir(c.bench)
	}
	for _, p := range []*string{&c.repo, &c.work, &c.out} {
		if *p, err = filepath.Abs(*p); err != nil {
			log.Fatal(err)
		}
	}
	if *tests {
		if *testsPkgs != "" {
			if tc.filter, err = regexp.Compile(*testsPkgs); err != nil {
				log.Fatalf("-tests-pkgs: %v", err)
			}
		}
		c.tools = []string{toolLeakvet}
		if *testsMerge != "" {
			if err := mergeTests(&c, tc, strings.Split(*testsMerge, ",")); err != nil {
				log.Fatal(err)
			}
			return
		}
		if err := runTestsMode(&c, tc); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(&c); err != nil {
		log.Fatal(err)
	}
}

func moduleNames() string {
	var s []string
	for _, m := range corpus {
		s = append(s, m.Name)
	}
	return strings.Join(s, ", ")
}

func selectModules(list string) ([]Module, error) {
	if list == "all" {
		return corpus, nil
	}
	var out []Module
	for _, name := range strings.Split(list, ",") {
		i := slices.IndexFunc(corpus, func(m Module) bool { return m.Name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("unknown module %q (modules: %s)", name, moduleNames())
		}
		out = append(out, corpus[i])
	}
	return out, nil
}

func selectTools(list string) ([]string, error) {
	if list == "all" {
		return allTools, nil
	}
	var out []string
	for _, key := range strings.Split(list, ",") {
		t, ok := toolKeys[strings.TrimSpace(key)]
		if !ok {
			return nil, fmt.Errorf("unknown tool %q (tools: vet, leakvet-vet, staticcheck, leakvet)", key)
		}
		out = append(out, t)
	}
	// Keep the canonical order.
	slices.SortFunc(out, func(a, b string) int { return slices.Index(allTools, a) - slices.Index(allTools, b) })
	return slices.Compact(out), nil
}

// findBench returns the bench module's directory: the current directory or
// one of its parents that holds this command.
func findBench() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "cmd", "realcode", "main.go")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("run from the bench directory of the leakvet repository (not found above %s)", dir)
		}
	}
}

// Results is everything one invocation measured; it is written as
// results/DATE.json.
type Results struct {
	Date     string    `json:"date"`
	Count    int       `json:"count"` // cold runs of each tool on each module
	Warm     int       `json:"warm"`  // warm runs after each cold one
	Machine  Machine   `json:"machine"`
	Tools    ToolInfo  `json:"tools"`
	Modules  []ModInfo `json:"modules"`
	Runs     []*Run    `json:"runs"`
	Findings []Finding `json:"findings"`
}

// ModInfo describes a module as measured.
type ModInfo struct {
	Module
	Dir      string   `json:"-"`
	Notes    []string `json:"notes,omitempty"`
	GoFiles  int      `json:"go_files"`
	GoLines  int      `json:"go_lines"`
	Packages int      `json:"packages"` // packages matched by ./...
}

func run(c *config) error {
	if c.report != "" {
		return rereport(c)
	}
	start := time.Now()
	for _, d := range []string{c.work, c.out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	res := &Results{Date: c.date, Count: c.count, Warm: c.warm, Machine: machineInfo()}

	tools, err := buildTools(c)
	if err != nil {
		return err
	}
	res.Tools = tools.info
	log.Printf("leakvet %s (analyzers: %s); staticcheck %s; %s",
		tools.info.Leakvet, strings.Join(tools.info.Analyzers, ", "), tools.info.Staticcheck, res.Machine.Go)

	for _, m := range c.modules {
		mi, err := prepare(c, m)
		if err != nil {
			return fmt.Errorf("%s: %v", m.Name, err)
		}
		res.Modules = append(res.Modules, mi)
		runs, findings, err := measureModule(c, tools, mi)
		if err != nil {
			return fmt.Errorf("%s: %v", m.Name, err)
		}
		res.Runs = append(res.Runs, runs...)
		res.Findings = append(res.Findings, findings...)
	}

	base := filepath.Join(c.out, c.date)
	if c.findings {
		base += "-findings-only"
	}
	return finish(c, res, base, start)
}

// rereport writes the report of the results in file again.
func rereport(c *config) error {
	data, err := os.ReadFile(c.report)
	if err != nil {
		return err
	}
	res := new(Results)
	if err := json.Unmarshal(data, res); err != nil {
		return fmt.Errorf("%s: %v", c.report, err)
	}
	return finish(c, res, strings.TrimSuffix(c.report, ".json"), time.Now())
}

// finish judges the findings with the triage file and writes the results
// to base.md, base.json, base-findings.json and base-untriaged.tsv.
func finish(c *config, res *Results, base string, start time.Time) error {
	triage, err := readTriage(filepath.Join(c.bench, "triage.tsv"))
	if err != nil {
		return err
	}
	for i := range res.Findings {
		res.Findings[i].Verdict, res.Findings[i].Reason = "", ""
	}
	judge(res.Findings, triage)
	os.Remove(base + "-untriaged.tsv")

	if err := writeJSON(base+"-findings.json", res.Findings); err != nil {
		return err
	}
	if !c.findings {
		if err := writeJSON(base+".json", res); err != nil {
			return err
		}
	}
	if err := os.WriteFile(base+".md", []byte(report(c, res)), 0o644); err != nil {
		return err
	}
	untriaged := untriagedTSV(res.Findings)
	if untriaged != "" {
		if err := os.WriteFile(base+"-untriaged.tsv", []byte(untriaged), 0o644); err != nil {
			return err
		}
		log.Printf("findings not in triage.tsv: %s", base+"-untriaged.tsv")
	}
	fmt.Print(summary(res))
	log.Printf("wrote %s.md in %s", base, time.Since(start).Round(time.Second))
	return nil
}

func writeJSON(file string, v any) error {
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(data, '\n'), 0o644)
}
