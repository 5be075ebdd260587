package oracle

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

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

// A location is a file and line of a traceback.
type location struct {
	file string // as printed: the module-relative path under -trimpath
	line int
}

// A traceback is one goroutine's stack as the runtime prints it.
type traceback struct {
	header    string
	frames    []location // innermost first
	createdAt location   // the go statement; zero if unknown
	ancestors []location // the ancestors' stacks at creation, innermost first
}

var frameLine = regexp.MustCompile(`^\t(.+\.go):(\d+)(?: \+0x[0-9a-f]+)?$`)

// parseTracebacks parses goroutine tracebacks in the runtime's format
// (that of a panic, of runtime.Stack, of the goroutine profiles with
// debug=2, and of goleak's report), with the ancestors' stacks that
// GODEBUG=tracebackancestors adds.
func parseTracebacks(text string) []traceback {
	var tbs []traceback
	var cur *traceback
	section := 0 // 0 own frames, 1 after "created by", 2 ancestors
	for _, l := range strings.Split(text, "\n") {
		trimmed := strings.TrimLeft(l, "[ ") // goleak lists goroutines as "[Goroutine 1 ...", " Goroutine 2 ..."
		switch {
		case strings.HasPrefix(trimmed, "goroutine ") || strings.HasPrefix(trimmed, "Goroutine "):
			tbs = append(tbs, traceback{header: trimmed})
			cur, section = &tbs[len(tbs)-1], 0
		case cur == nil:
		case strings.HasPrefix(l, "created by "):
			if section == 0 {
				section = 1
			}
		case strings.HasPrefix(l, "[originating from goroutine "):
			section = 2
		default:
			m := frameLine.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[2])
			loc := location{m[1], n}
			switch section {
			case 0:
				cur.frames = append(cur.frames, loc)
			case 1:
				cur.createdAt, section = loc, 2
			case 2:
				cur.ancestors = append(cur.ancestors, loc)
			}
		}
	}
	return tbs
}

// lines returns the lines of the file named file on the traceback, in
// order: own frames innermost first, the go statement, the ancestors.
func (tb *traceback) lines(file string) []int {
	var ls []int
	for _, loc := range slices.Concat(tb.frames, []location{tb.createdAt}, tb.ancestors) {
		if loc.file == file {
			ls = append(ls, loc.line)
		}
	}
	return ls
}

// leakedTracebacks returns the tracebacks of the goroutines the runtime
// judged leaked: those of the profile, or in goleak mode those goleak
// found left running.
func leakedTracebacks(rep *harness.Report) []traceback {
	var tbs []traceback
	for _, s := range rep.LeakedStacks {
		tbs = append(tbs, parseTracebacks(s)...)
	}
	if len(tbs) > 0 || rep.Mode != harness.ModeGoleak {
		return tbs
	}
	// goleak names the goroutines left running but prints only their own
	// stacks: take their full tracebacks, ancestors included, from the
	// dump taken with them.
	all := parseTracebacks(rep.AllStacks)
	for _, tb := range parseTracebacks(rep.LingeringStacks) {
		id := goroutineID(tb.header)
		if i := slices.IndexFunc(all, func(a traceback) bool { return goroutineID(a.header) == id }); id != "" && i >= 0 {
			tb = all[i]
		}
		tbs = append(tbs, tb)
	}
	return tbs
}

// goroutineID returns the number of the goroutine a traceback header
// names, in the runtime's form ("goroutine 7 [chan send]:") or goleak's
// ("Goroutine 7 in state chan send, ...").
func goroutineID(header string) string {
	f := strings.Fields(header)
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

// judgeGoroutines compares, goroutine by goroutine, the leaked goroutines
// of rep with the lines of c's `// want` comments, under rule: every want
// must point at a leaked goroutine, and every leaked goroutine that the
// case file started must be pointed at by a want. It returns the
// disagreements, or nil.
func judgeGoroutines(c *Case, rep *harness.Report, rule WantRule) []string {
	tbs := leakedTracebacks(rep)
	if len(tbs) == 0 || len(c.WantLines) == 0 {
		return nil // the per-file verdict already says what is wrong
	}
	file := c.corpus() + "/" + c.Name()
	matches := func(tb *traceback, want int) bool {
		ls := tb.lines(file)
		switch rule {
		case InStartingFunc:
			return slices.ContainsFunc(ls, func(l int) bool { return c.sameFunc(l, want) })
		default:
			return len(ls) > 0 && ls[0] == want || tb.createdAt.file == file && tb.createdAt.line == want
		}
	}
	var problems []string
	for _, w := range c.WantLines {
		if !slices.ContainsFunc(tbs, func(tb traceback) bool { return matches(&tb, w) }) {
			problems = append(problems, fmt.Sprintf("the `// want` for line %d matches no leaked goroutine (%s): %s",
				w, ruleWords(rule), describeSites(tbs, file)))
		}
	}
	for _, tb := range tbs {
		if len(tb.lines(file)) == 0 {
			continue // started elsewhere, by a helper package's goroutine
		}
		if !slices.ContainsFunc(c.WantLines, func(w int) bool { return matches(&tb, w) }) {
			problems = append(problems, fmt.Sprintf("leaked %s, at %s, is matched by no `// want` (%s): a false negative",
				strings.TrimSuffix(tb.header, ":"), describeSite(&tb, file), ruleWords(rule)))
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

func describeSite(tb *traceback, file string) string {
	if ls := tb.lines(file); len(ls) > 0 {
		return fmt.Sprintf("%s:%d", file, ls[0])
	}
	if len(tb.frames) > 0 {
		return fmt.Sprintf("%s:%d", tb.frames[0].file, tb.frames[0].line)
	}
	return "an unknown line"
}

func describeSites(tbs []traceback, file string) string {
	var sites []string
	for _, tb := range tbs {
		sites = append(sites, describeSite(&tb, file))
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
