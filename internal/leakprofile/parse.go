package leakprofile

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Goroutine is one goroutine of a dump.
type Goroutine struct {
	// ID is the goroutine's number.
	ID int
	// State is what it waits for, as the header says ("chan receive",
	// "select", "sync.WaitGroup.Wait"), without "(leaked)" and the wait
	// time.
	State string
	// Leaked reports whether the profile proved it leaked.
	Leaked bool
	// Stack is its call stack, innermost frame first.
	Stack []Frame
	// Creator is the go statement that started it; Func is empty for
	// the main goroutine.
	Creator Frame
	// Ancestors are the stacks of the goroutines that created it, at
	// the time they did, innermost first, each ending with its own
	// creator; present only with GODEBUG=tracebackancestors=N.
	Ancestors [][]Frame
	// Text is the goroutine's traceback as the runtime wrote it.
	Text string
}

// A Frame is one function of a stack, with the line it is at.
type Frame struct {
	Func string
	File string
	Line int
}

// String formats the frame as "func (file:line)".
func (f Frame) String() string {
	if f.File == "" {
		return f.Func
	}
	return f.Func + " (" + f.File + ":" + strconv.Itoa(f.Line) + ")"
}

var (
	header = regexp.MustCompile(`^goroutine (\d+)(?: [^\[]*)? \[(.*)\]:$`)
	// goleakHeader is the header of a goroutine in goleak's report
	// ("found unexpected goroutines: [Goroutine 7 in state chan send,
	// with pkg.f on top of the stack: ...]"), which lists its own frames
	// without the runtime's header line.
	goleakHeader = regexp.MustCompile(`^\[?\s*Goroutine (\d+) in state ([^,]*), with .* on top of the stack:$`)
	fileLine     = regexp.MustCompile(`^\t(.*):(\d+)(?: \+0x[0-9a-f]+)?$`)
	waitTime     = regexp.MustCompile(`, \d+ minutes?$`)
)

// Parse reads a goroutine dump, as runtime.Stack(buf, true) and the
// goroutineleak profile with debug=2 write it, or goleak's report of the
// goroutines it found. Blocks it cannot read are skipped.
func Parse(dump string) []Goroutine {
	var gs []Goroutine
	for _, block := range strings.Split(separateGoleak(strings.ReplaceAll(dump, "\r\n", "\n")), "\n\n") {
		block = strings.Trim(block, "\n")
		lines := strings.Split(block, "\n")
		if i := slices.IndexFunc(lines, goleakHeader.MatchString); i >= 0 {
			lines = lines[i:] // after goleak's "found unexpected goroutines:"
			block = strings.Join(lines, "\n")
		}
		m := header.FindStringSubmatch(lines[0])
		if m == nil {
			m = goleakHeader.FindStringSubmatch(lines[0])
		}
		if m == nil {
			continue
		}
		g := Goroutine{Text: block}
		g.ID, _ = strconv.Atoi(m[1])
		state := m[2]
		if s, ok := strings.CutSuffix(state, " (leaked)"); ok {
			g.Leaked, state = true, s
		} else if i := strings.Index(state, " (leaked)"); i >= 0 {
			g.Leaked, state = true, state[:i]+state[i+len(" (leaked)"):]
		}
		g.State = waitTime.ReplaceAllString(state, "")

		stack := &g.Stack
		for i := 1; i < len(lines); i++ {
			l := lines[i]
			if strings.HasPrefix(l, "[originating from goroutine") {
				g.Ancestors = append(g.Ancestors, nil)
				stack = &g.Ancestors[len(g.Ancestors)-1]
				continue
			}
			if strings.HasPrefix(l, "\t") || l == "" || l == "]" || strings.HasPrefix(l, "...") {
				continue // a file line read with its frame, or the end of goleak's list
			}
			fr := Frame{Func: frameFunc(l)}
			if i+1 < len(lines) {
				if fm := fileLine.FindStringSubmatch(lines[i+1]); fm != nil {
					fr.File = fm[1]
					fr.Line, _ = strconv.Atoi(fm[2])
					i++
				}
			}
			if c, ok := strings.CutPrefix(fr.Func, "created by "); ok {
				fr.Func = c
				if len(g.Ancestors) == 0 {
					g.Creator = fr // not a frame of the stack
					continue
				}
			}
			*stack = append(*stack, fr)
		}
		gs = append(gs, g)
	}
	return gs
}

// separateGoleak puts a blank line before each goroutine of goleak's
// report, which joins them with a space only, so that every goroutine is
// a block of its own, as in the runtime's dumps.
func separateGoleak(dump string) string {
	if !strings.Contains(dump, "Goroutine ") {
		return dump
	}
	lines := strings.Split(dump, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && goleakHeader.MatchString(l) {
			b.WriteString("\n")
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// frameFunc returns the function named on a traceback line: "pkg.f(...)"
// gives "pkg.f", "created by pkg.g in goroutine 7" gives "created by
// pkg.g".
func frameFunc(l string) string {
	if c, ok := strings.CutPrefix(l, "created by "); ok {
		if i := strings.Index(c, " in goroutine "); i >= 0 {
			c = c[:i]
		}
		return "created by " + c
	}
	if i := strings.LastIndex(l, "("); i > 0 && strings.HasSuffix(l, ")") {
		return l[:i]
	}
	return l
}

// Blocking returns the innermost frame of a stack that is not in the
// runtime or the standard library's synchronization code: the statement
// where the goroutine waits.
func Blocking(stack []Frame) Frame {
	for _, f := range stack {
		if !waitMachinery(f.Func) {
			return f
		}
	}
	if len(stack) > 0 {
		return stack[0]
	}
	return Frame{}
}

// waitMachinery reports whether fn belongs to the code a goroutine blocks
// in rather than the code that made it block.
func waitMachinery(fn string) bool {
	for _, p := range []string{"runtime.", "sync.", "internal/", "time.Sleep", "context.", "os/signal."} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}
