package goroutineexit

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// noWayOutPerCall reports the goroutine started by g when its body can
// never return (a for loop with no break, return or runtime.Goexit,
// whatever it waits on) and the function that starts it can run more than
// once per process: each run leaves one more goroutine behind for good.
func (c *checker) noWayOutPerCall(g *ssa.Go, body *ssa.Function) {
	if ssaidiom.MayEndGoroutine(body) || !loops(body) {
		return
	}
	// The way out may be only the close of a timer's channel, which never
	// comes (tickerrange.go).
	var timers []timeRange
	if ssaidiom.BlocksReachingReturn(body)[body.Blocks[0]] {
		if timers = timeRanges(body); len(timers) == 0 || mayReturn(body, timers) {
			return
		}
	}
	parent := g.Parent()
	if !ssaidiom.BlocksReachingReturn(parent)[g.Block()] || c.once.runsOnce(parent) {
		return // the starter never returns, or runs once: a daemon
	}
	starter := outermost(parent)
	name := ssaidiom.FuncName(ssaidiom.Object(starter), starter.Pkg.Pkg)
	d := analysis.Diagnostic{
		Pos:      g.Pos(),
		Category: "noexit",
		Message:  fmt.Sprintf("goroutine never finishes: its loop has no way out, and %s can run more than once", name),
	}
	if len(timers) > 0 {
		d.Message = fmt.Sprintf("goroutine never finishes: its loop ends only when a timer's channel is closed, which never happens (Stop does not close it), and %s can run more than once", name)
		for _, t := range timers {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: t.recv.Pos(), Message: "this receive from a timer's channel never reports it closed"})
		}
	} else if loop := firstLoop(body); loop.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: loop, Message: "this loop has no break, return or runtime.Goexit"})
	}
	c.report(g, d)
}

// loops reports whether some block of fn lies on a cycle: a body that
// cannot return and does not loop blocks somewhere once, which the other
// checks judge by what it waits on.
func loops(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		if ssaidiom.InLoop(b) {
			return true
		}
	}
	return false
}

// firstLoop returns the position of the first for or range statement of
// fn's own body (not of its function literals), or NoPos.
func firstLoop(fn *ssa.Function) token.Pos {
	body := analysisutil.FuncBody(fn.Syntax())
	if body == nil {
		return token.NoPos
	}
	pos := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		if pos.IsValid() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			pos = n.For
		case *ast.RangeStmt:
			pos = n.For
		}
		return true
	})
	return pos
}

// outermost returns the top-level function around fn, a closure.
func outermost(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// onceIndex decides which functions of the package run at most once per
// process: main.main, init functions and package-level initialisers (and
// closures inside them), TestMain, the function given to sync.Once.Do,
// sync.OnceFunc, sync.OnceValue or sync.OnceValues, and an unexported
// function that only such functions call, directly. Everything else (an
// exported function, a method, a function used as a value, a test) may
// run again: per call, per request, per connection, per test.
type onceIndex struct {
	callers map[*ssa.Function][]*ssa.Function // static callers
	asValue map[*ssa.Function]bool            // used other than by a static call
	onceArg map[*ssa.Function]bool            // given to a sync.Once form
	memo    map[*ssa.Function]bool
}

func newOnceIndex(funcs []*ssa.Function) *onceIndex {
	x := &onceIndex{
		callers: make(map[*ssa.Function][]*ssa.Function),
		asValue: make(map[*ssa.Function]bool),
		onceArg: make(map[*ssa.Function]bool),
		memo:    make(map[*ssa.Function]bool),
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				x.index(fn, instr)
			}
		}
	}
	return x
}

func (x *onceIndex) index(fn *ssa.Function, instr ssa.Instruction) {
	call, isCall := instr.(ssa.CallInstruction)
	once := isCall && isOnceForm(call.Common())
	if isCall && !call.Common().IsInvoke() {
		if callee, ok := call.Common().Value.(*ssa.Function); ok {
			if _, isGo := instr.(*ssa.Go); !isGo {
				x.callers[callee] = append(x.callers[callee], fn)
			}
		}
	}
	var rands [8]*ssa.Value
	for i, op := range instr.Operands(rands[:0]) {
		if isCall && i == 0 && !call.Common().IsInvoke() {
			continue // the callee of a static call
		}
		f := funcOf(*op)
		if f == nil {
			continue
		}
		if once {
			x.onceArg[f] = true
		} else {
			x.asValue[f] = true
		}
	}
}

// funcOf returns the function that v is, directly or as a closure.
func funcOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		return v.Fn.(*ssa.Function)
	}
	return nil
}

// isOnceForm reports whether cc calls sync.Once.Do, sync.OnceFunc,
// sync.OnceValue or sync.OnceValues.
func isOnceForm(cc *ssa.CallCommon) bool {
	fn := cc.StaticCallee()
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "OnceFunc", "OnceValue", "OnceValues":
		return fn.Signature.Recv() == nil
	case "Do":
		return fn.Signature.Recv() != nil && syncTypeName(fn.Signature.Recv().Type()) == "Once"
	}
	return false
}

func syncTypeName(t types.Type) string {
	if named, ok := deref(t).(*types.Named); ok {
		return named.Obj().Name()
	}
	return ""
}

// runsOnce reports whether fn runs at most once per process.
func (x *onceIndex) runsOnce(fn *ssa.Function) bool {
	if done, ok := x.memo[fn]; ok {
		return done
	}
	x.memo[fn] = false // a cycle of calls decides nothing
	r := x.decide(fn)
	x.memo[fn] = r
	return r
}

func (x *onceIndex) decide(fn *ssa.Function) bool {
	if ssaidiom.IsProcessLifetime(fn) || x.onceArg[fn] {
		return true
	}
	if fn.Parent() != nil {
		// A closure runs once if what makes it runs once and nothing
		// but a direct call or a go statement there uses it.
		return !x.asValue[fn] && x.runsOnce(fn.Parent())
	}
	if isTestMain(fn) {
		return true
	}
	obj := fn.Object()
	if obj == nil || obj.Exported() || fn.Signature.Recv() != nil || x.asValue[fn] || len(x.callers[fn]) == 0 {
		return false
	}
	for _, caller := range x.callers[fn] {
		if !x.runsOnce(caller) || inLoopCall(caller, fn) {
			return false
		}
	}
	return true
}

// inLoopCall reports whether caller calls fn inside a loop.
func inLoopCall(caller, fn *ssa.Function) bool {
	for _, b := range caller.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && call.Common().Value == fn && ssaidiom.InLoop(b) {
				return true
			}
		}
	}
	return false
}

func isTestMain(fn *ssa.Function) bool {
	if fn.Name() != "TestMain" || fn.Signature.Params().Len() != 1 {
		return false
	}
	p, ok := fn.Signature.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := p.Elem().(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "testing" && named.Obj().Name() == "M"
}
