package chanflow

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/valueflow"
)

// state holds the per-package state shared by all walks. It lives only
// during run: what dependants need is copied into the Result.
type state struct {
	pass    *analysis.Pass
	ssa     *buildssa.SSA
	pkg     *valueflow.Package
	returns map[*ssa.Function]map[*ssa.BasicBlock]bool
	// facts memoizes the summaries of other packages' functions that the
	// walks imported (nil when there is none).
	facts map[*types.Func]*ParamUses
}

func newAnalysis(pass *analysis.Pass, in *buildssa.SSA) *state {
	return &state{
		pass:    pass,
		ssa:     in,
		pkg:     valueflow.NewPackage(in.Pkg, in.SrcFuncs),
		returns: make(map[*ssa.Function]map[*ssa.BasicBlock]bool),
		facts:   make(map[*types.Func]*ParamUses),
	}
}

// walk is the policy of chanflow's walks: it records what is done with
// one channel. The goroutine context is the go statement that started
// the goroutine running the code (nil when unknown or the walk's starting
// goroutine).
type walk struct {
	a      *state
	closed bool
	// recvOnlyOut is set when the channel is returned as a receive-only
	// channel by a function whose callers are not all known.
	recvOnlyOut bool

	ranges  []*Range
	sends   []*Send
	recvs   []*Recv
	closes  []*Close
	returns []*Return
	rangeAt map[rangeKey]bool
}

type rangeKey struct {
	recv *ssa.UnOp
	ctx  *ssa.Go
}

// follow walks the channel v, returning what was recorded and the walk.
// A channel made here is followed into the package's unexported
// variables too (globals); a parameter stored in one escapes, so that a
// summary never hides from other packages a channel kept for later.
func (a *state) follow(v ssa.Value, globals bool) (*walk, *valueflow.Walk[*ssa.Go]) {
	p := &walk{a: a, rangeAt: make(map[rangeKey]bool)}
	w := valueflow.New(a.pkg, p, valueflow.Options{Fields: true, Globals: globals})
	w.Value(v, nil)
	return p, w
}

// Op records a send, receive, range or close, follows a returned
// channel into its callers, and applies the summaries of other packages'
// functions. Anything else lets the channel escape.
func (p *walk) Op(w *valueflow.Walk[*ssa.Go], v ssa.Value, op valueflow.Op, ctx *ssa.Go) valueflow.Verdict {
	switch op.Kind {
	case valueflow.Recv:
		if recv, ok := op.Instr.(*ssa.UnOp); ok && p.a.isRangeLoop(recv) {
			if k := (rangeKey{recv, ctx}); !p.rangeAt[k] {
				p.rangeAt[k] = true
				p.ranges = append(p.ranges, &Range{Recv: recv, Go: ctx, Far: w.Far()})
			}
			break
		}
		p.recvs = append(p.recvs, &Recv{Instr: op.Instr, State: op.State, Go: ctx, Far: w.Far()})
	case valueflow.Send:
		p.sends = append(p.sends, &Send{Instr: op.Instr, State: op.State, Go: ctx, Forever: !p.a.canReturnAfter(op.Instr), Far: w.Far()})
	case valueflow.Close:
		p.closed = true
		p.closes = append(p.closes, &Close{Instr: op.Instr.(ssa.CallInstruction), Go: ctx, Far: w.Far()})
	case valueflow.Foreign:
		return p.foreign(op, ctx, w.Far())
	case valueflow.Return:
		ret := op.Instr.(*ssa.Return)
		p.returns = append(p.returns, &Return{Instr: ret, Go: ctx, Far: w.Far()})
		if p.a.pkg.CallersKnown(ret.Parent()) || !returnsRecvOnly(ret, v) {
			return valueflow.Follow
		}
		// Returned receive-only by a method or an exported function:
		// callers the package cannot see may only receive from it, so
		// the package still sees every send and close. The calls it
		// makes itself are followed.
		p.recvOnlyOut = true
		w.IntoStaticCalls(ret, v)
	default:
		return valueflow.Escape
	}
	return valueflow.Handled
}

// Enter runs a function started by a go statement in that goroutine.
func (p *walk) Enter(call ssa.CallInstruction, _ *ssa.Function, ctx *ssa.Go) (*ssa.Go, bool) {
	if g, ok := call.(*ssa.Go); ok {
		return g, true
	}
	return ctx, true
}

// Closure returns the goroutine contexts in which the closure made by mc
// may run: those of the go statements that start it directly, and ctx
// when it is used in any other way.
func (p *walk) Closure(mc *ssa.MakeClosure, ctx *ssa.Go) ([]*ssa.Go, bool) {
	var ctxs []*ssa.Go
	other := false
	for _, instr := range *mc.Referrers() {
		if g, ok := instr.(*ssa.Go); ok && g.Call.Value == mc {
			ctxs = append(ctxs, g)
			continue
		}
		if _, ok := instr.(*ssa.DebugRef); ok {
			continue
		}
		other = true
	}
	if other || len(ctxs) == 0 {
		ctxs = append(ctxs, ctx)
	}
	return ctxs, true
}

// foreign applies the summary of op.Callee, a function of another
// package, to the channel passed as its op.Arg-th argument.
func (p *walk) foreign(op valueflow.Op, ctx *ssa.Go, far bool) valueflow.Verdict {
	fact := p.a.importFact(op.Callee)
	u := fact.Use(op.Arg)
	if fact == nil || u&Escapes != 0 {
		return valueflow.Escape
	}
	instr := op.Instr.(ssa.CallInstruction)
	if g, ok := instr.(*ssa.Go); ok {
		ctx = g
	}
	if u&Closes != 0 {
		p.closed = true
		p.closes = append(p.closes, &Close{Instr: instr, Go: ctx, Far: far})
	}
	if u&(Ranges|RangesAsync) != 0 {
		p.ranges = append(p.ranges, &Range{Call: instr, Callee: op.Callee.Object().(*types.Func), Arg: op.Arg, Async: u&RangesAsync != 0, Go: ctx, Far: far})
	}
	if u&Sends != 0 {
		p.sends = append(p.sends, &Send{Instr: instr, State: -1, Go: ctx, Forever: !p.a.canReturnAfter(instr), Far: far})
	}
	if u&SendsForever != 0 {
		p.sends = append(p.sends, &Send{Instr: instr, State: -1, Go: ctx, Forever: true, Far: far})
	}
	if u&Receives != 0 {
		p.recvs = append(p.recvs, &Recv{Instr: instr, State: -1, Go: ctx, Far: far})
	}
	return valueflow.Handled
}

// importFact returns the summary of fn, a function of another package,
// or nil.
func (a *state) importFact(fn *ssa.Function) *ParamUses {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == a.pass.Pkg {
		return nil
	}
	if f, ok := a.facts[obj]; ok {
		return f
	}
	f := new(ParamUses)
	if !a.pass.ImportObjectFact(obj, f) {
		f = nil
	}
	a.facts[obj] = f
	return f
}

// goSites returns, for every function of the package, the go statements
// that start it directly.
func (a *state) goSites() map[*ssa.Function][]*ssa.Go {
	sites := make(map[*ssa.Function][]*ssa.Go)
	for _, f := range a.ssa.SrcFuncs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok && !g.Call.IsInvoke() {
					if callee := g.Call.StaticCallee(); callee != nil {
						sites[callee] = append(sites[callee], g)
					}
				}
			}
		}
	}
	return sites
}

// canReturnAfter reports whether the function containing instr can
// return after executing it.
func (a *state) canReturnAfter(instr ssa.Instruction) bool {
	fn := instr.Parent()
	rets, ok := a.returns[fn]
	if !ok {
		rets = ssaidiom.BlocksReachingReturn(fn)
		a.returns[fn] = rets
	}
	return rets[instr.Block()]
}

// returnsRecvOnly reports whether every result of ret that is v has a
// receive-only channel type in its function's signature.
func returnsRecvOnly(ret *ssa.Return, v ssa.Value) bool {
	res := ret.Parent().Signature.Results()
	found := false
	for i, r := range ret.Results {
		if r != v {
			continue
		}
		ch, ok := res.At(i).Type().Underlying().(*types.Chan)
		if !ok || ch.Dir() != types.RecvOnly {
			return false
		}
		found = true
	}
	return found
}
