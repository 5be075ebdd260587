package leaktest

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/internal/leakprofile"
)

// leak is one goroutine a test binary left behind.
type leak struct {
	pkg      string
	mode     string
	state    string
	blocking leakprofile.Frame
	creator  leakprofile.Frame
	test     string
	stackMin uint64
}

// leaksOf returns the leaked goroutines of a report: in profile mode those
// the profile proved leaked; in snapshot mode every goroutine still there
// at exit but the one exiting and those the testing package and the
// runtime keep.
func leaksOf(r report) []leak {
	var out []leak
	for _, g := range leakprofile.Parse(r.Dump) {
		if r.Mode == "profile" && !g.Leaked {
			continue
		}
		if r.Mode != "profile" && (g.State == "running" || g.Creator.Func == "" || background(g)) {
			continue
		}
		out = append(out, leak{
			pkg:      r.ImportPath,
			mode:     r.Mode,
			state:    g.State,
			blocking: leakprofile.Blocking(g.Stack),
			creator:  g.Creator,
			test:     testOf(g),
			stackMin: r.StackMinBytes,
		})
	}
	return out
}

// background reports whether a goroutine left at exit is one the standard
// library keeps for itself.
func background(g leakprofile.Goroutine) bool {
	for _, p := range []string{"testing.", "os/signal.", "runtime.", "internal/"} {
		if strings.HasPrefix(g.Creator.Func, p) && (len(g.Stack) == 0 || strings.HasPrefix(g.Stack[len(g.Stack)-1].Func, p)) {
			return true
		}
	}
	return false
}

var funcLit = regexp.MustCompile(`(\.func\d+)+$|(\.gowrap\d+)+$`)

// testOf names the top-level test that started a goroutine, directly or
// through the goroutines that started it: the outermost function that
// testing.tRunner called, in the goroutine's stack or its ancestors'
// (which the runtime prints with GODEBUG=tracebackancestors). The testing
// package's own root runner, which also runs in tRunner, is not a test.
func testOf(g leakprofile.Goroutine) string {
	name := ""
	look := func(stack []leakprofile.Frame) {
		for i, f := range stack {
			if f.Func == "testing.tRunner" && i > 0 && !strings.HasPrefix(stack[i-1].Func, "testing.") {
				name = stack[i-1].Func
			}
		}
	}
	for i := len(g.Ancestors) - 1; i >= 0 && name == ""; i-- {
		look(g.Ancestors[i])
	}
	if name == "" {
		look(g.Stack)
	}
	if name == "" {
		return ""
	}
	name = funcLit.ReplaceAllString(name, "")
	return name[strings.LastIndex(name, ".")+1:]
}

// A Site is where goroutines leaked: one blocking statement, one go
// statement.
type Site struct {
	// Blocking is the statement the goroutines wait at, and State what
	// they wait for.
	Blocking string `json:"blocking"`
	Func     string `json:"func"`
	State    string `json:"state"`
	// Creator is the go statement that started them.
	Creator     string `json:"creator"`
	CreatorFunc string `json:"creatorFunc"`
	// Goroutines is how many leaked there, over all tests and packages.
	Goroutines int `json:"goroutines"`
	// StackBytes is a lower bound of the stack memory they hold: each
	// goroutine holds at least the runtime's starting stack size.
	StackBytes uint64 `json:"stackBytes"`
	// Tests are the top-level tests that leaked them ("" for goroutines
	// started outside any test, by TestMain or package initialization).
	Tests []string `json:"tests"`
	// Mode is "profile" when the goroutineleak profile proved them
	// leaked, "snapshot" when they were only still there at exit.
	Mode string `json:"mode"`

	blocking, creator leakprofile.Frame
}

// Verdict is a static finding judged against the runtime.
type Verdict struct {
	Finding
	// Confirmed reports whether a test leaked a goroutine at the
	// finding; Sites are the sites that confirm it.
	Confirmed bool    `json:"confirmed"`
	Sites     []*Site `json:"sites,omitempty"`
}

// judge groups the leaks into sites and matches them with the findings.
func judge(findings []Finding, leaks []leak) ([]*Verdict, []*Site) {
	sites := map[[2]leakprofile.Frame]*Site{}
	var order []*Site
	for _, l := range leaks {
		key := [2]leakprofile.Frame{l.blocking, l.creator}
		s := sites[key]
		if s == nil {
			s = &Site{
				Blocking: pos(l.blocking), Func: l.blocking.Func, State: l.state,
				Creator: pos(l.creator), CreatorFunc: l.creator.Func, Mode: l.mode,
				blocking: l.blocking, creator: l.creator,
			}
			sites[key] = s
			order = append(order, s)
		}
		s.Goroutines++
		s.StackBytes += l.stackMin
		if !slices.Contains(s.Tests, l.test) {
			s.Tests = append(s.Tests, l.test)
		}
	}
	for _, s := range order {
		sort.Strings(s.Tests)
	}

	explained := map[*Site]bool{}
	var verdicts []*Verdict
	for _, f := range findings {
		v := &Verdict{Finding: f}
		for _, s := range order {
			if explains(f, s) {
				v.Confirmed = true
				v.Sites = append(v.Sites, s)
				explained[s] = true
			}
		}
		verdicts = append(verdicts, v)
	}
	var runtimeOnly []*Site
	for _, s := range order {
		if !explained[s] {
			runtimeOnly = append(runtimeOnly, s)
		}
	}
	sort.SliceStable(runtimeOnly, func(i, j int) bool { return runtimeOnly[i].StackBytes > runtimeOnly[j].StackBytes })
	return verdicts, runtimeOnly
}

// explains reports whether a finding names the site: the goroutines wait
// on a line the finding covers, or at one of its related positions; or,
// for lostsignal, whose findings are at the dropped handle rather than at
// the blocked operation, the goroutines were started at the finding or at
// one of its related positions.
func explains(f Finding, s *Site) bool {
	file, line, ok := fileLine(f.Posn)
	if !ok {
		return false
	}
	endLine := line
	if ef, el, ok := fileLine(f.End); ok && ef == file && el >= line {
		endLine = el
	}
	at := func(fr leakprofile.Frame, file string, from, to int) bool {
		return fr.File != "" && sameFile(fr.File, file) && fr.Line >= from && fr.Line <= to
	}
	if at(s.blocking, file, line, endLine) {
		return true
	}
	for _, r := range f.Related {
		if rf, rl, ok := fileLine(r.Posn); ok && at(s.blocking, rf, rl, rl) {
			return true
		}
	}
	if f.Analyzer == "lostsignal" {
		if at(s.creator, file, line, endLine) {
			return true
		}
		for _, r := range f.Related {
			if rf, rl, ok := fileLine(r.Posn); ok && at(s.creator, rf, rl, rl) {
				return true
			}
		}
	}
	return false
}

// fileLine splits "file:line:col" or "file:line".
func fileLine(posn string) (string, int, bool) {
	rest, last, ok := cutLast(posn)
	if !ok {
		return "", 0, false
	}
	n, err := strconv.Atoi(last)
	if err != nil {
		return "", 0, false
	}
	if file, l, ok := cutLast(rest); ok {
		if m, err := strconv.Atoi(l); err == nil {
			return file, m, true // file:line:col
		}
	}
	return rest, n, true
}

func cutLast(s string) (string, string, bool) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// sameFile compares a file of a traceback with one of a finding; both are
// absolute unless the test binary was built with -trimpath, in which case
// the traceback's is a suffix of the finding's.
func sameFile(trace, finding string) bool {
	trace, finding = filepath.ToSlash(trace), filepath.ToSlash(finding)
	return trace == finding || strings.HasSuffix(finding, "/"+trace)
}

func pos(f leakprofile.Frame) string {
	if f.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", f.File, f.Line)
}

// sortFindings orders findings by position, for a stable output.
func sortFindings(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		fi, li, _ := fileLine(fs[i].Posn)
		fj, lj, _ := fileLine(fs[j].Posn)
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
	return fs
}
