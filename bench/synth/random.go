package synth

import (
	"fmt"
	"strings"
)

// Random returns two packages built from data, a library and a package
// that imports it, whose functions make, send on, receive from, range over,
// close, select on and hand around channels, in goroutines, closures,
// generic functions and methods. Every byte of data chooses among the
// constructs that fit where it is, so that a fuzzer's mutations give other
// programs; once data runs out the choices are the simplest ones, so every
// input gives a finite program. The packages always type-check.
func Random(data []byte) (lib, app Source) {
	g := &gen{data: data}

	var b strings.Builder
	b.WriteString("package lib\n\nimport (\n\t\"context\"\n\t\"sync\"\n)\n\nvar (\n\t_ context.Context\n\t_ sync.Mutex\n)\n\n")
	b.WriteString(libFixed)
	g.inLib = true
	g.libHelpers = 1 + g.n(3)
	for i := 0; i < g.libHelpers; i++ {
		g.fn(&b, fmt.Sprintf("H%d", i), "ch chan int, ctx context.Context, done <-chan struct{}", "ch", "int", "v", false)
	}
	g.fn(&b, "G", "ch chan T, x T, ctx context.Context, done <-chan struct{}", "ch", "T", "x", true)
	g.inLib = false
	lib = Source{Path: "fuzz/lib", Files: map[string]string{"lib.go": b.String()}}

	b.Reset()
	b.WriteString("package app\n\nimport (\n\t\"context\"\n\t\"sync\"\n\t\"time\"\n\n\t\"fuzz/lib\"\n)\n\n")
	b.WriteString("var (\n\t_ context.Context\n\t_ sync.Mutex\n\t_ = time.Millisecond\n\t_ = lib.Produce\n)\n\n")
	b.WriteString("type srv struct {\n\tch   chan int\n\tquit chan struct{}\n}\n\n")
	b.WriteString("func (s *srv) Stop() { close(s.quit) }\n\n")
	g.local = 1 + g.n(3)
	for i := 0; i < g.local; i++ {
		g.fn(&b, fmt.Sprintf("f%d", i), "ch chan int, ctx context.Context, done <-chan struct{}", "ch", "int", "v", false)
	}
	g.method(&b)
	g.producer(&b)
	app = Source{Path: "fuzz/app", Files: map[string]string{"app.go": b.String()}}
	return lib, app
}

// libFixed is the part of the library every program has.
const libFixed = `// Produce returns a channel on which a goroutine sends n values and which
// it then closes.
func Produce(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

// Consume receives from ch until it is closed.
func Consume(ch chan int) {
	for range ch {
	}
}

// Closer closes ch.
func Closer(ch chan int) { close(ch) }

// Drain receives from ch until it is closed.
func Drain[T any](ch chan T) {
	for v := range ch {
		_ = v
	}
}

`

type gen struct {
	data []byte
	i    int

	libHelpers int // H0..H(n-1) in the library
	local      int // f0..f(n-1) in the app

	// Per function.
	chans   []string // channels in scope, of type chan elem
	elem    string   // element type: int or T
	val     string   // a variable of type elem
	generic bool
	result  string // the expression returned, for functions with a result
	loops   int    // loops around the statement, in this function
	inLib   bool   // the library imports neither time nor itself
	fresh   int    // counter for new names
	stmts   int    // statements so far, bounded
}

// n returns a choice in [0, k): the next byte of data modulo k, or 0 once
// data is used up.
func (g *gen) n(k int) int {
	if k <= 1 || g.i >= len(g.data) {
		return 0
	}
	b := g.data[g.i]
	g.i++
	return int(b) % k
}

func (g *gen) name(prefix string) string {
	g.fresh++
	return fmt.Sprintf("%s%d", prefix, g.fresh)
}

func (g *gen) ch() string { return g.chans[g.n(len(g.chans))] }

// fn writes a function whose body is random statements over its channel
// parameter.
func (g *gen) fn(b *strings.Builder, name, params, ch, elem, val string, generic bool) {
	g.chans, g.elem, g.val, g.generic, g.result, g.loops = []string{ch}, elem, val, generic, "", 0
	tparams := ""
	if generic {
		tparams = "[T any]"
	}
	fmt.Fprintf(b, "func %s%s(%s) {\n", name, tparams, params)
	if !generic {
		b.WriteString("\tv := 0\n\t_ = v\n")
	}
	g.block(b, 1)
	b.WriteString("}\n\n")
}

// method writes a method whose channels are fields of its receiver.
func (g *gen) method(b *strings.Builder) {
	g.chans, g.elem, g.val, g.generic, g.result, g.loops = []string{"s.ch"}, "int", "v", false, "", 0
	b.WriteString("func (s *srv) run(ctx context.Context) {\n\tdone := s.quit\n\t_ = done\n\tv := 0\n\t_ = v\n")
	g.block(b, 1)
	b.WriteString("}\n\n")
	b.WriteString("func newSrv(ctx context.Context) *srv {\n\ts := &srv{ch: make(chan int), quit: make(chan struct{})}\n\tgo s.run(ctx)\n\treturn s\n}\n\n")
}

// producer writes a function that returns a channel, and a caller that
// ranges over it.
func (g *gen) producer(b *strings.Builder) {
	g.chans, g.elem, g.val, g.generic, g.result, g.loops = []string{"ch"}, "int", "v", false, "ch", 0
	b.WriteString("func produce(ctx context.Context, done <-chan struct{}) chan int {\n\tch := make(chan int)\n\tv := 0\n\t_ = v\n")
	g.block(b, 1)
	b.WriteString("\treturn ch\n}\n\n")
	b.WriteString("func consumeProduced(ctx context.Context, done <-chan struct{}) {\n\tfor v := range produce(ctx, done) {\n\t\t_ = v\n\t}\n}\n\n")
}

func (g *gen) block(b *strings.Builder, depth int) {
	scope := len(g.chans)
	for i, n := 0, 1+g.n(4); i < n; i++ {
		g.stmt(b, depth)
	}
	g.chans = g.chans[:scope]
}

func indent(depth int) string { return strings.Repeat("\t", depth) }

func (g *gen) stmt(b *strings.Builder, depth int) {
	in := indent(depth)
	g.stmts++
	choice := g.n(22)
	if depth > 4 || g.stmts > 400 {
		choice = 0
	}
	c := g.ch()
	switch choice {
	case 0:
		fmt.Fprintf(b, "%s_ = %s\n", in, g.val)
	case 1:
		fmt.Fprintf(b, "%s%s <- %s\n", in, c, g.val)
	case 2:
		fmt.Fprintf(b, "%s%s = <-%s\n", in, g.val, c)
	case 3:
		fmt.Fprintf(b, "%sclose(%s)\n", in, c)
	case 4:
		fmt.Fprintf(b, "%sgo func() {\n", in)
		g.closure(b, depth+1)
		fmt.Fprintf(b, "%s}()\n", in)
	case 5:
		x := g.name("x")
		fmt.Fprintf(b, "%sfor %s := range %s {\n%s\t_ = %s\n", in, x, c, in, x)
		g.loop(b, depth+1)
		fmt.Fprintf(b, "%s}\n", in)
	case 6:
		fmt.Fprintf(b, "%sselect {\n", in)
		for i, n := 0, 1+g.n(3); i < n; i++ {
			switch g.n(6) {
			case 0:
				fmt.Fprintf(b, "%scase %s <- %s:\n", in, g.ch(), g.val)
			case 1:
				fmt.Fprintf(b, "%scase %s = <-%s:\n", in, g.val, g.ch())
			case 2:
				fmt.Fprintf(b, "%scase <-done:\n%s\t%s\n", in, in, g.ret())
				continue
			case 3:
				fmt.Fprintf(b, "%scase <-ctx.Done():\n", in)
			case 4:
				if g.inLib {
					fmt.Fprintf(b, "%scase <-%s:\n", in, g.ch())
				} else {
					fmt.Fprintf(b, "%scase <-time.After(time.Millisecond):\n", in)
				}
			case 5:
				if i > 0 {
					fmt.Fprintf(b, "%scase <-%s:\n", in, g.ch())
				} else {
					fmt.Fprintf(b, "%sdefault:\n", in)
				}
			}
			g.block(b, depth+1)
		}
		fmt.Fprintf(b, "%s}\n", in)
	case 7:
		fmt.Fprintf(b, "%sif %s {\n", in, g.cond())
		g.block(b, depth+1)
		if g.n(2) == 1 {
			fmt.Fprintf(b, "%s} else {\n", in)
			g.block(b, depth+1)
		}
		fmt.Fprintf(b, "%s}\n", in)
	case 8:
		i := g.name("i")
		fmt.Fprintf(b, "%sfor %s := 0; %s < %d; %s++ {\n", in, i, i, 1+g.n(8), i)
		g.loop(b, depth+1)
		fmt.Fprintf(b, "%s}\n", in)
	case 9:
		fmt.Fprintf(b, "%sfor {\n", in)
		g.loop(b, depth+1)
		if g.n(3) > 0 {
			fmt.Fprintf(b, "%s\tif %s {\n%s\t\tbreak\n%s\t}\n", in, g.cond(), in, in)
		}
		fmt.Fprintf(b, "%s}\n", in)
	case 10:
		fmt.Fprintf(b, "%s%s\n", in, g.ret())
	case 11:
		if g.loops > 0 {
			fmt.Fprintf(b, "%s%s\n", in, []string{"break", "continue"}[g.n(2)])
		} else {
			fmt.Fprintf(b, "%s_ = %s\n", in, g.val)
		}
	case 12:
		fmt.Fprintf(b, "%sdefer close(%s)\n", in, c)
	case 13:
		nc := g.name("c")
		fmt.Fprintf(b, "%s%s := make(chan %s, %d)\n%s_ = %s\n", in, nc, g.elem, g.n(3), in, nc)
		g.chans = append(g.chans, nc)
	case 14:
		g.call(b, in, c)
	case 15:
		wg := g.name("wg")
		fmt.Fprintf(b, "%s{\n%s\tvar %s sync.WaitGroup\n%s\t%s.Add(1)\n%s\tgo func() {\n%s\t\tdefer %s.Done()\n",
			in, in, wg, in, wg, in, in, wg)
		g.closure(b, depth+2)
		fmt.Fprintf(b, "%s\t}()\n", in)
		if g.n(2) == 0 {
			fmt.Fprintf(b, "%s\t%s.Wait()\n", in, wg)
		}
		fmt.Fprintf(b, "%s}\n", in)
	case 16:
		fmt.Fprintf(b, "%s%s = nil\n", in, c)
	case 17:
		fmt.Fprintf(b, "%spanic(%q)\n", in, "boom")
	case 18:
		if g.generic || g.inLib {
			fmt.Fprintf(b, "%s_ = %s\n", in, g.val)
			break
		}
		x := g.name("x")
		src := "lib.Produce(3)"
		if g.n(2) == 1 {
			src = "produce(ctx, done)"
		}
		fmt.Fprintf(b, "%sfor %s := range %s {\n%s\t_ = %s\n", in, x, src, in, x)
		g.loop(b, depth+1)
		fmt.Fprintf(b, "%s}\n", in)
	case 19:
		y := g.name("y")
		fmt.Fprintf(b, "%sif %s, ok := <-%s; ok {\n%s\t%s = %s\n", in, y, c, in, g.val, y)
		g.block(b, depth+1)
		fmt.Fprintf(b, "%s} else {\n%s\t%s\n%s}\n", in, in, g.ret(), in)
	case 20:
		cc, d := g.name("cc"), g.name("d")
		fmt.Fprintf(b, "%s%s := make(chan chan %s, 1)\n%s%s <- %s\n%sgo func() {\n%s\t%s := <-%s\n%s\tclose(%s)\n%s}()\n",
			in, cc, g.elem, in, cc, c, in, in, d, cc, in, d, in)
	case 21:
		x := g.name("x")
		fmt.Fprintf(b, "%sfor %s := range %d {\n%s\t_ = %s\n", in, x, 1+g.n(4), in, x)
		g.loop(b, depth+1)
		fmt.Fprintf(b, "%s}\n", in)
	}
}

// closure writes the body of a function literal: its own loops and no
// result.
func (g *gen) closure(b *strings.Builder, depth int) {
	loops, result := g.loops, g.result
	g.loops, g.result = 0, ""
	g.block(b, depth)
	g.loops, g.result = loops, result
}

func (g *gen) loop(b *strings.Builder, depth int) {
	g.loops++
	g.block(b, depth)
	g.loops--
}

func (g *gen) ret() string {
	if g.result != "" {
		return "return " + g.result
	}
	return "return"
}

func (g *gen) cond() string {
	if g.generic {
		return []string{"true", "false", "len(ch) > 0"}[g.n(3)]
	}
	return fmt.Sprintf("%s > %d", g.val, g.n(5))
}

// call writes a call that hands channel c to another function, directly or
// in a new goroutine.
func (g *gen) call(b *strings.Builder, in, c string) {
	goStmt := ""
	if g.n(2) == 1 {
		goStmt = "go "
	}
	var callee string
	switch {
	case g.generic:
		callee = fmt.Sprintf("G(%s, %s, ctx, done)", c, g.val)
	case g.inLib:
		callee = []string{"Consume(%s)", "Closer(%s)", "Drain(%s)", "G(%s, 1, ctx, done)"}[g.n(4)]
		callee = fmt.Sprintf(callee, c)
	default:
		switch g.n(3) {
		case 0:
			callee = fmt.Sprintf("lib.%s(%s)", []string{"Consume", "Closer", "Drain"}[g.n(3)], c)
		case 1:
			callee = fmt.Sprintf("lib.H%d(%s, ctx, done)", g.n(g.libHelpers), c)
		case 2:
			callee = fmt.Sprintf("f%d(%s, ctx, done)", g.n(g.local), c)
		}
	}
	fmt.Fprintf(b, "%s%s%s\n", in, goStmt, callee)
}
