package oracle

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/internal/leakprofile"
	"github.com/leakvet/leakvet/internal/oracle/harness"
)

// A WantRule says which line of a case a diagnostic's `// want` must be on,
// relative to the goroutine that leaks.
type WantRule int

const (
	// AtBlockingOp: the want is on the line where the leaked goroutine
	// blocks, that is, the innermost line of its stack in the case file;
	// when its body is in another package, the line of the go statement
	// that started it, and failing that, the innermost line of the case
	// file on the stacks of the goroutines that started it. A want on the
	// go statement that started the goroutine also matches it: a
	// goroutine whose loop has no way out blocks nowhere in particular,
	// and is reported where it is started.
	AtBlockingOp WantRule = iota
	// InStartingFunc: the want is at a call that drops the only way to end
	// the goroutine (a discarded channel, a stop function thrown away, a
	// Wait not called), which is not on the leaked goroutine's stack. It
	// must be inside a function of the case file that started the leaked
	// goroutine, directly or through calls: a function with a frame on the
	// goroutine's stack, at its go statement, or on the stacks of its
	// ancestors at the time each was started.
	InStartingFunc
)

// WantRules gives each analyzer's rule; analyzers not listed are judged by
// [AtBlockingOp].
var WantRules = map[string]WantRule{
	"lostsignal": InStartingFunc,
}

// TracebackAncestors is how many generations of ancestors the runtime is
// asked to record in each goroutine's traceback (GODEBUG=tracebackancestors),
// so that the call that started a goroutine is known even once the caller
// has returned.
const TracebackAncestors = 8

// lines returns the lines of the file named file (as printed: the
// module-relative path under -trimpath) on g's traceback, in order: own
// frames innermost first, the go statement, the ancestors.
func lines(g *leakprofile.Goroutine, file string) []int {
	var ls []int
	for _, f := range slices.Concat(g.Stack, []leakprofile.Frame{g.Creator}, slices.Concat(g.Ancestors...)) {
		if f.File == file {
			ls = append(ls, f.Line)
		}
	}
	return ls
}

// leakedGoroutines returns the goroutines the runtime judged leaked:
// those of the profile, or in goleak mode those goleak found left
// running.
func leakedGoroutines(rep *harness.Report) []leakprofile.Goroutine {
	var gs []leakprofile.Goroutine
	for _, s := range rep.LeakedStacks {
		gs = append(gs, leakprofile.Parse(s)...)
	}
	if len(gs) > 0 || rep.Mode != harness.ModeGoleak {
		return gs
	}
	// goleak names the goroutines left running but prints only their own
	// stacks: take their full tracebacks, ancestors included, from the
	// dump taken with them.
	all := leakprofile.Parse(rep.AllStacks)
	for _, g := range leakprofile.Parse(rep.LingeringStacks) {
		if i := slices.IndexFunc(all, func(a leakprofile.Goroutine) bool { return a.ID == g.ID }); i >= 0 {
			g = all[i]
		}
		gs = append(gs, g)
	}
	return gs
}

// judgeGoroutines compares, goroutine by goroutine, the leaked goroutines
// of rep with the lines of c's `// want` comments, under rule: every want
// must point at a leaked goroutine, and every leaked goroutine that the
// case file started must be pointed at by a want. It returns the
// disagreements, or nil.
func judgeGoroutines(c *Case, rep *harness.Report, rule WantRule) []string {
	gs := leakedGoroutines(rep)
	if len(gs) == 0 || len(c.WantLines) == 0 {
		return nil // the per-file verdict already says what is wrong
	}
	file := c.corpus() + "/" + c.Name()
	matches := func(g *leakprofile.Goroutine, want int) bool {
		ls := lines(g, file)
		switch rule {
		case InStartingFunc:
			return slices.ContainsFunc(ls, func(l int) bool { return c.sameFunc(l, want) })
		default:
			return len(ls) > 0 && ls[0] == want || g.Creator.File == file && g.Creator.Line == want
		}
	}
	var problems []string
	for _, w := range c.WantLines {
		if !slices.ContainsFunc(gs, func(g leakprofile.Goroutine) bool { return matches(&g, w) }) {
			problems = append(problems, fmt.Sprintf("the `// want` for line %d matches no leaked goroutine (%s): %s",
				w, ruleWords(rule), describeSites(gs, file)))
		}
	}
	for _, g := range gs {
		if len(lines(&g, file)) == 0 {
			continue // started elsewhere, by a helper package's goroutine
		}
		if !slices.ContainsFunc(c.WantLines, func(w int) bool { return matches(&g, w) }) {
			problems = append(problems, fmt.Sprintf("leaked goroutine %d [%s], at %s, is matched by no `// want` (%s): a false negative",
				g.ID, g.State, describeSite(&g, file), ruleWords(rule)))
		}
	}
	return problems
}

func ruleWords(rule WantRule) string {
	if rule == InStartingFunc {
		return "a want must be in a function of the case file that started the goroutine"
	}
	return "a want must be on the line where the goroutine blocks, or on its go statement"
}

func describeSite(g *leakprofile.Goroutine, file string) string {
	if ls := lines(g, file); len(ls) > 0 {
		return fmt.Sprintf("%s:%d", file, ls[0])
	}
	if len(g.Stack) > 0 {
		return fmt.Sprintf("%s:%d", g.Stack[0].File, g.Stack[0].Line)
	}
	return "an unknown line"
}

func describeSites(gs []leakprofile.Goroutine, file string) string {
	var sites []string
	for _, g := range gs {
		sites = append(sites, describeSite(&g, file))
	}
	slices.Sort(sites)
	return "leaked goroutines block at " + strings.Join(slices.Compact(sites), ", ")
}

// corpus is the name of the case's corpus: its directory's name, which is
// also the name of the module the oracle builds it in.
func (c *Case) corpus() string {
	return filepath.Base(filepath.Dir(c.Path))
}

// sameFunc reports whether lines a and b of the case file are in the same
// outermost function declaration.
func (c *Case) sameFunc(a, b int) bool {
	for _, r := range c.funcLines {
		if r[0] <= a && a <= r[1] {
			return r[0] <= b && b <= r[1]
		}
	}
	return false
}

// funcRanges returns the first and last lines of each function declaration
// of f.
func funcRanges(fset *token.FileSet, f *ast.File) [][2]int {
	var rs [][2]int
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			rs = append(rs, [2]int{fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line})
		}
	}
	return rs
}
