package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Run is one measured run of one tool over one module.
type Run struct {
	Module  string   `json:"module"`
	Tool    string   `json:"tool"`
	Cache   string   `json:"cache"` // "cold" or "warm" ("none" in results of older runs)
	Command []string `json:"command"`
	Exit    int      `json:"exit"`

	Wall    float64    `json:"wall_s"`
	User    float64    `json:"user_s"`
	Sys     float64    `json:"sys_s"`
	MaxRSS  int64      `json:"max_rss_bytes"`  // the largest single process (wait4)
	TreeRSS int64      `json:"tree_rss_bytes"` // sum over the process tree, sampled
	Load    [2]float64 `json:"load"`           // 1-minute load average before and after
	Walls   []float64  `json:"walls_s"`        // every repetition; the fastest is kept

	// Go vet runs only: the packages on which the vet tool ran, from
	// -debug-actiongraph.
	ToolRuns int       `json:"tool_runs,omitempty"`
	DepRuns  int       `json:"dep_runs,omitempty"` // of which on dependencies, for facts only
	DepCPU   float64   `json:"dep_cpu_s,omitempty"`
	RootCPU  float64   `json:"root_cpu_s,omitempty"`
	Slowest  []PkgTime `json:"slowest,omitempty"`

	Findings int      `json:"findings"` // diagnostics printed
	Panics   int      `json:"panics"`
	Errors   []string `json:"errors,omitempty"`
}

func (r *Run) walls() []float64 {
	if r == nil {
		return nil
	}
	return r.Walls
}

// CPU returns user plus system time.
func (r *Run) CPU() float64 { return r.User + r.Sys }

// PkgTime is the time the vet tool took on one package.
type PkgTime struct {
	Package  string  `json:"package"`
	VetxOnly bool    `json:"vetx_only,omitempty"` // a dependency, analysed for its facts
	Wall     float64 `json:"wall_s"`
	CPU      float64 `json:"cpu_s"`
}

func randomUint64() uint64 {
	var b [8]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// measureModule warms the build cache for module mi, then runs each tool
// cold and warm, one at a time.
func measureModule(c *config, t *tools, mi ModInfo) ([]*Run, []Finding, error) {
	logs := filepath.Join(c.work, "logs", mi.Name)
	os.RemoveAll(logs)
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return nil, nil, err
	}

	if !c.findings {
		log.Printf("%s: warming the build cache", mi.Name)
		warm := [][]string{
			{"go", "vet", "./..."},
			{"go", "list", "-e", "-export", "-deps", "-test", "./..."},
			{"go", "list", "-e", "-compiled", "-deps", "-test", "-json", "./..."},
		}
		for _, args := range warm {
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir, cmd.Env = mi.Dir, goEnv()
			cmd.Run() // findings and load errors are expected here
		}
	}

	var runs []*Run
	var findings []Finding
	for _, tool := range c.tools {
		caches := []string{"cold", "warm"}
		best := make(map[string]*Run)
		for rep := 0; rep < c.count; rep++ {
			// Each repetition starts cold: a new tool ID, a new cache.
			var vettool, scCache string
			for _, cache := range caches {
				reps := 1
				if cache == "warm" {
					reps = c.warm
				}
				for range reps {
					r := &Run{Module: mi.Name, Tool: tool, Cache: cache}
					base := filepath.Join(logs, fmt.Sprintf("%s-%s-%d", strings.NewReplacer(" ", "_", "=", "_", "-", "").Replace(tool), cache, len(best[cache].walls())))
					env := goEnv()
					var actions string
					switch tool {
					case toolVet, toolVetLeakvet, toolLeakvet:
						if vettool == "" {
							src, name := t.vet, "vet"
							if tool != toolVet {
								src, name = t.leakvet, "leakvet"
							}
							var err error
							if vettool, err = t.freshCopy(src, name); err != nil {
								return nil, nil, err
							}
						}
						if tool == toolLeakvet {
							// Standalone: a plain run goes through go vet with
							// the binary itself as the tool, so a fresh copy
							// makes its result cache cold as well.
							r.Command = []string{vettool, "-json", "./..."}
							break
						}
						actions = base + ".actions.json"
						r.Command = []string{"go", "vet", "-vettool=" + vettool, "-debug-actiongraph=" + actions, "./..."}
					case toolStaticcheck:
						if scCache == "" {
							scCache = filepath.Join(t.tmp, fmt.Sprintf("staticcheck-cache-%x", randomUint64()))
						}
						env = append(env, "STATICCHECK_CACHE="+scCache)
						r.Command = []string{t.staticcheck, "./..."}
					}

					stdout, stderr, err := measure(r, mi.Dir, env, base)
					if err != nil {
						return nil, nil, err
					}
					log.Printf("%s: %s (%s): %.1fs wall, %.1fs CPU, %s peak RSS, exit %d, load %.1f",
						mi.Name, tool, cache, r.Wall, r.CPU(), mib(r.MaxRSS), r.Exit, r.Load[0])

					if actions != "" {
						if err := readActions(r, actions); err != nil {
							return nil, nil, err
						}
					}
					switch tool {
					case toolVet, toolVetLeakvet:
						r.Findings, r.Errors = scanVetOutput(stderr)
					case toolStaticcheck:
						r.Findings = countMatches(stdout, staticcheckLine)
						r.Errors = nonEmptyLines(stderr)
					case toolLeakvet:
						fs, errs, err := parseJSON(stdout, mi)
						if err != nil {
							return nil, nil, fmt.Errorf("leakvet -json: %v", err)
						}
						if rep == 0 && cache == "cold" {
							findings = append(findings, fs...)
						}
						r.Findings = len(fs)
						r.Errors = append(errs, nonEmptyLines(stderr)...)
					}
					r.Panics = bytes.Count(stderr, []byte("panic: "))

					// Keep the fastest repetition; count every panic and error.
					r.Walls = []float64{r.Wall}
					if b := best[cache]; b != nil {
						r.Walls = append(b.Walls, r.Wall)
						r.Panics += b.Panics
						if r.Wall > b.Wall {
							b.Walls, b.Panics = r.Walls, r.Panics
							b.Errors = append(b.Errors, r.Errors...)
							continue
						}
						r.Errors = append(b.Errors, r.Errors...)
					}
					best[cache] = r
				}
			}
			if vettool != "" {
				os.Remove(vettool)
			}
			if scCache != "" {
				os.RemoveAll(scCache)
			}
		}
		for _, cache := range caches {
			runs = append(runs, best[cache])
		}
	}
	return runs, findings, nil
}

// measure runs r.Command in dir, writing its output to base.stdout and
// base.stderr, and fills in r's times and memory.
func measure(r *Run, dir string, env []string, base string) (stdout, stderr []byte, err error) {
	outFile, err := os.Create(base + ".stdout")
	if err != nil {
		return nil, nil, err
	}
	defer outFile.Close()
	errFile, err := os.Create(base + ".stderr")
	if err != nil {
		return nil, nil, err
	}
	defer errFile.Close()

	cmd := exec.Command(r.Command[0], r.Command[1:]...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdout, cmd.Stderr = outFile, errFile

	r.Load[0] = loadAvg()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	stop := make(chan struct{})
	peak := make(chan int64)
	go func() { peak <- sampleTree(cmd.Process.Pid, stop) }()
	waitErr := cmd.Wait()
	r.Wall = time.Since(start).Seconds()
	close(stop)
	r.TreeRSS = <-peak
	r.Load[1] = loadAvg()

	if _, ok := waitErr.(*exec.ExitError); waitErr != nil && !ok {
		return nil, nil, waitErr
	}
	ps := cmd.ProcessState
	r.Exit = ps.ExitCode()
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		r.User = time.Duration(ru.Utime.Nano()).Seconds()
		r.Sys = time.Duration(ru.Stime.Nano()).Seconds()
		// ru_maxrss of a waited-for child covers the child and the
		// descendants it waited for: the largest of them, in KiB.
		r.MaxRSS = ru.Maxrss * 1024
	}
	if r.TreeRSS < r.MaxRSS {
		r.TreeRSS = r.MaxRSS // the sampler missed the peak
	}
	if stdout, err = os.ReadFile(base + ".stdout"); err != nil {
		return nil, nil, err
	}
	if stderr, err = os.ReadFile(base + ".stderr"); err != nil {
		return nil, nil, err
	}
	return stdout, stderr, nil
}

// sampleTree returns the largest total resident set size of the process
// tree rooted at root seen until stop is closed, sampling every 20ms.
func sampleTree(root int, stop <-chan struct{}) int64 {
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if rss := treeRSS(root); rss > peak {
			peak = rss
		}
		select {
		case <-stop:
			return peak
		case <-tick.C:
		}
	}
}

// treeRSS returns the sum of the resident set sizes of root and its
// descendants, from /proc.
func treeRSS(root int) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := make(map[int]int)
	rss := make(map[int]int64)
	page := int64(os.Getpagesize())
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... with rss the 24th field.
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		if len(f) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		pages, _ := strconv.ParseInt(f[21], 10, 64)
		parent[pid] = ppid
		rss[pid] = pages * page
	}
	var sum int64
	for pid, n := range rss {
		for p, depth := pid, 0; p > 1 && depth < 64; p, depth = parent[p], depth+1 {
			if p == root {
				sum += n
				break
			}
		}
	}
	return sum
}

func loadAvg() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

// readActions reads the action graph written by go vet's
// -debug-actiongraph and records the vet tool's runs.
func readActions(r *Run, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var actions []struct {
		Mode     string
		Package  string
		VetxOnly bool
		Cmd      []string
		CmdReal  time.Duration
		CmdUser  time.Duration
		CmdSys   time.Duration
	}
	if err := json.Unmarshal(data, &actions); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	var pkgs []PkgTime
	for _, a := range actions {
		if a.Mode != "vet" || len(a.Cmd) == 0 {
			continue // not run: cached, or not a vet action
		}
		pt := PkgTime{
			Package:  a.Package,
			VetxOnly: a.VetxOnly,
			Wall:     a.CmdReal.Seconds(),
			CPU:      (a.CmdUser + a.CmdSys).Seconds(),
		}
		pkgs = append(pkgs, pt)
		if a.VetxOnly {
			r.DepRuns++
			r.DepCPU += pt.CPU
		} else {
			r.RootCPU += pt.CPU
		}
	}
	slices.SortFunc(pkgs, func(a, b PkgTime) int {
		switch {
		case a.Wall > b.Wall:
			return -1
		case a.Wall < b.Wall:
			return 1
		}
		return strings.Compare(a.Package, b.Package)
	})
	r.ToolRuns = len(pkgs)
	r.Slowest = pkgs[:min(len(pkgs), 10)]
	return nil
}

var (
	// diagLine matches a diagnostic printed by go vet or staticcheck, and
	// not the related positions, whose message starts with a tab.
	diagLine        = regexp.MustCompile(`^\S+\.go:\d+:\d+: [^\t]`)
	relatedLine     = regexp.MustCompile(`^\S+\.go:\d+:\d+: \t`)
	staticcheckLine = regexp.MustCompile(`^\S+\.go:\d+:\d+: .*\(\w+\)$`)
)

// scanVetOutput counts the diagnostics in go vet's output and returns the
// lines that are neither diagnostics, related positions nor package
// headers.
func scanVetOutput(stderr []byte) (findings int, errors []string) {
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case diagLine.MatchString(line):
			findings++
		case strings.HasPrefix(line, "# "), strings.TrimSpace(line) == "",
			relatedLine.MatchString(line):
		default:
			errors = append(errors, line)
		}
	}
	return findings, errors
}

func countMatches(data []byte, re *regexp.Regexp) int {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if re.MatchString(line) {
			n++
		}
	}
	return n
}

func nonEmptyLines(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

func mib(b int64) string { return fmt.Sprintf("%d MiB", (b+1<<19)>>20) }
