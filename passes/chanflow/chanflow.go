package chanflow

import (
	_ "embed"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/analysisutil"
	"github.com/leakvet/leakvet/internal/ssaidiom"
)

//go:embed doc.go
var doc string

// Analyzer computes the flow of every channel made in a package and
// exports a ParamUses fact for every function with channel parameters.
var Analyzer = &analysis.Analyzer{
	Name:       "chanflow",
	Doc:        analysisutil.MustExtractDoc(doc, "chanflow"),
	URL:        "https://pkg.go.dev/github.com/leakvet/leakvet/passes/chanflow",
	Requires:   []*analysis.Analyzer{ctrlflow.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{(*ParamUses)(nil)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is what chanflow knows about the channels of one package. It is
// complete when chanflow's run returns and never changes afterwards, so
// that any number of dependants may read it at once: everything they ask
// for (the summaries of the package's functions, closures included; the
// go statements that start each function; the summaries of other
// packages' functions that the walks consulted) is computed during run.
// It holds no *analysis.Pass.
type Result struct {
	// Channels holds one entry for every make(chan) in the package's
	// source functions, in source order.
	Channels []*Channel

	ssaOnce  sync.Once
	ssa      *buildssa.SSA
	buildSSA func() *buildssa.SSA

	byMake    map[*ssa.MakeChan]*Channel
	localUses map[*ssa.Function][]Use
	goSites   map[*ssa.Function][]*ssa.Go
	facts     map[*types.Func]*ParamUses
}

// ChannelOf returns the record of the channel made by mk, a make call of
// the package's source functions, or nil.
func (r *Result) ChannelOf(mk *ssa.MakeChan) *Channel {
	return r.byMake[mk]
}

// SSA returns the SSA form of the package. chanflow builds it during run
// only for packages that mention channels; for the others it is built on
// first use, once, from the pass's syntax and types (which are immutable),
// so that it is built at most once per package, and only for packages
// that some pass needs it for.
func (r *Result) SSA() *buildssa.SSA {
	r.ssaOnce.Do(func() {
		if r.ssa == nil {
			r.ssa = r.buildSSA()
		}
		r.buildSSA = nil
	})
	return r.ssa
}

// ForeignUse returns what fn, a function of another package, does with its
// i-th parameter according to its exported summary, or Escapes when it has
// none or no walk of this package handed it a channel.
func (r *Result) ForeignUse(fn *ssa.Function, i int) Use {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return Escapes
	}
	return r.facts[obj].Use(i)
}

// LocalUse returns what fn, a source function of this package, does with
// its i-th parameter, as its summary would say, or Escapes when unknown.
func (r *Result) LocalUse(fn *ssa.Function, i int) Use {
	uses, ok := r.localUses[fn]
	if !ok || i < 0 || i >= len(uses) || uses[i] == 0 && !isChan(fn.Params[i].Type()) {
		return Escapes
	}
	return uses[i]
}

// GoSites returns the go statements of the package that start fn
// directly, as "go fn(...)" or "go func(){...}()".
func (r *Result) GoSites(fn *ssa.Function) []*ssa.Go {
	return r.goSites[fn]
}

// Channel is everything done with the channel made by one make call.
type Channel struct {
	Make *ssa.MakeChan

	// Escaped is set when the channel reaches code the analysis cannot
	// see, or when the walk ran out of budget. Nothing else about the
	// channel can then be trusted to be complete.
	Escaped bool
	// Closed is set when some alias of the channel may be closed.
	Closed bool
	// Returned is set when the channel is returned by the function that
	// makes it (or a function it is passed to) and was followed into the
	// callers: whoever drops it there is the one to blame, which is
	// lostsignal's finding.
	Returned bool
	// ProcessLifetime is set when the channel is made in main.main or an
	// init function (or a closure inside one): it lives as long as the
	// process.
	ProcessLifetime bool
	// RecvOnlyOut is set when the channel is handed, receive-only, to
	// callers the package cannot all see (a method or an exported
	// function returns it as <-chan T): they may receive from it, so
	// the receives are not all known, but they can neither send on it
	// nor close it, so the sends and closes are.
	RecvOnlyOut bool

	Ranges []*Range
	Sends  []*Send
	// Recvs are the receives from the channel outside the loops in Ranges.
	Recvs  []*Recv
	Closes []*Close

	// Aliases holds every SSA value found to be the channel, or a pointer
	// to a variable holding it, in any function of the package.
	Aliases map[ssa.Value]bool

	// The channel's near life is what the function that makes it, and
	// the code it hands the channel to, do with it; its far life starts
	// where the channel leaves that scope, in a caller it is returned to
	// or through a field or package-level variable that keeps it. Each
	// operation says which it belongs to (Far), so that a pass judging
	// the maker alone (lostsignal's summaries of the channels a function
	// returns) reads the near part of the same record.
	//
	// Returns are the return statements that return the channel, near and
	// far. EscapedFar is set when the channel escaped in its far life
	// only: the near operations are then complete. Kept is set when the
	// channel is stored in a field or package-level variable of the
	// package.
	Returns    []*Return
	EscapedFar bool
	Kept       bool
}

// Return is a return statement that returns the channel.
type Return struct {
	Instr *ssa.Return
	// Go is the go statement that started the goroutine returning it,
	// when the channel was followed through one.
	Go  *ssa.Go
	Far bool
}

// RangesNeverEnd reports whether every range loop over the channel
// provably never ends: it is ranged over, no alias may be closed, it does
// not escape, it does not live as long as the process, and it is not fed
// only by producers that run forever (a daemon producer keeps the
// pipeline alive as long as it runs; the producer is the one to judge).
// This is rangeclose's finding: see [Channel.Owner].
func (ch *Channel) RangesNeverEnd() bool {
	if ch.Escaped || ch.Closed || ch.ProcessLifetime || len(ch.Ranges) == 0 {
		return false
	}
	for _, s := range ch.Sends {
		if !s.Forever {
			return true
		}
	}
	return len(ch.Sends) == 0
}

// Range is a loop over a channel that ends only when the channel is
// closed.
type Range struct {
	// Recv is the receive that heads the loop, when the loop is in this
	// package.
	Recv *ssa.UnOp
	// Call is the call or go statement that hands the channel to a
	// function of another package that ranges over it (Recv is then nil).
	Call ssa.CallInstruction
	// Callee is the function of another package that ranges, with Call.
	Callee *types.Func
	// Arg is the index of the channel among Call's arguments, with Call.
	Arg int
	// Async reports that the loop runs in a goroutine started by Callee.
	Async bool
	// Go is the go statement that started the goroutine running the loop,
	// when known.
	Go *ssa.Go
	// Far reports that the loop is in the channel's far life (see
	// Channel.Returns).
	Far bool
}

// Pos returns the position at which a finding about the loop belongs in
// this package: the loop's receive, or the call that hands the channel over.
func (r *Range) Pos() token.Pos {
	if r.Recv != nil {
		return r.Recv.Pos()
	}
	return r.Call.Pos()
}

// Send is a send on the channel: a send statement, a send case of a
// select, or a call that hands the channel to a function of another package
// that sends on it.
type Send struct {
	Instr ssa.Instruction
	// State is the index of the send case when Instr is a *ssa.Select,
	// and -1 otherwise.
	State int
	// Go is the go statement that started the goroutine doing the send,
	// when the channel was followed through one.
	Go *ssa.Go
	// Forever reports that the send happens in code that never returns,
	// such as a producer loop with no way out.
	Forever bool
	Far     bool
}

// Recv is a receive from the channel outside the loops in Ranges: a
// receive expression, a receive case of a select, or a call that hands the
// channel to a function of another package that receives from it.
type Recv struct {
	Instr ssa.Instruction
	// State is the index of the receive case when Instr is a *ssa.Select,
	// and -1 otherwise.
	State int
	// Go is the go statement that started the goroutine doing the
	// receive, when the channel was followed through one.
	Go  *ssa.Go
	Far bool
}

// Close is a call that closes the channel: close itself (called, deferred
// or started as a goroutine) or a function of another package that closes
// its parameter.
type Close struct {
	Instr ssa.CallInstruction
	Go    *ssa.Go
	Far   bool
}

func run(pass *analysis.Pass) (_ any, err error) {
	// A bug here must not crash the whole vet run with a stack trace:
	// turn it into an error that names the function being analysed.
	var current string
	defer analysisutil.Recover(pass, &current, &err)
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	fset, files, info, pkg := pass.Fset, pass.Files, pass.TypesInfo, pass.Pkg
	res := &Result{buildSSA: func() *buildssa.SSA { return buildSSA(fset, pkg, files, info, cfgs) }}

	// Facts force this pass to run on every dependency, the standard
	// library included. Most packages never mention a channel: for them
	// there is nothing to summarise, and SSA is not even built here.
	if !mentionsChannels(pass.TypesInfo) {
		return res, nil
	}
	in := res.SSA()
	a := newAnalysis(pass, in)

	// Summaries first: they are facts for other packages, and they do not
	// depend on this package's make sites. Closures get one too, for the
	// dependants that ask what a helper does with a channel.
	res.localUses = make(map[*ssa.Function][]Use)
	for _, fn := range in.SrcFuncs {
		current = fn.String()
		a.summarize(fn, res.localUses)
	}

	for _, fn := range in.SrcFuncs {
		current = fn.String()
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mk, ok := instr.(*ssa.MakeChan)
				switch {
				case !ok:
				case ssaidiom.TooBig(fn):
					res.Channels = append(res.Channels, &Channel{Make: mk, Escaped: true})
				default:
					res.Channels = append(res.Channels, a.channel(mk))
				}
			}
		}
	}
	res.byMake = make(map[*ssa.MakeChan]*Channel, len(res.Channels))
	for _, ch := range res.Channels {
		res.byMake[ch.Make] = ch
	}
	res.goSites = a.goSites()
	res.facts = a.facts
	return res, nil
}

// mentionsChannels reports whether any expression or type of the package
// is a channel.
func mentionsChannels(info *types.Info) bool {
	for _, tv := range info.Types {
		if tv.Type != nil && isChan(tv.Type) {
			return true
		}
	}
	return false
}

// summarize records what fn does with each of its channel parameters in
// uses, and exports it as a ParamUses fact when fn is a named function or
// method.
func (a *state) summarize(fn *ssa.Function, uses map[*ssa.Function][]Use) {
	if !a.pkg.Local(fn) {
		return
	}
	var u []Use
	for i, p := range fn.Params {
		if !isChan(p.Type()) {
			continue
		}
		if u == nil {
			u = make([]Use, len(fn.Params))
		}
		u[i] = a.paramUse(fn, i)
	}
	if u == nil {
		return
	}
	uses[fn] = u
	if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
		a.pass.ExportObjectFact(obj, &ParamUses{Uses: u})
	}
}

// paramUse computes what fn does with its i-th parameter, which must be a
// channel.
func (a *state) paramUse(fn *ssa.Function, i int) Use {
	if ssaidiom.TooBig(fn) {
		return Escapes
	}
	p, w := a.follow(fn.Params[i], false)
	var u Use
	if w.Escaped() || p.recvOnlyOut {
		u |= Escapes
	}
	if p.closed {
		u |= Closes
	}
	for _, r := range p.ranges {
		if r.Go != nil || r.Async {
			u |= RangesAsync
		} else {
			u |= Ranges
		}
	}
	for _, s := range p.sends {
		if s.Forever {
			u |= SendsForever
		} else {
			u |= Sends
		}
	}
	if len(p.recvs) > 0 {
		u |= Receives
	}
	if sendsOnce(fn, p.sends) {
		u |= SendsOnce
	}
	return u
}

// sendsOnce reports whether sends is a single send statement in fn's own
// body, outside any loop, so that one call sends at most one value.
func sendsOnce(fn *ssa.Function, sends []*Send) bool {
	if len(sends) != 1 {
		return false
	}
	s, ok := sends[0].Instr.(*ssa.Send)
	return ok && sends[0].Go == nil && s.Parent() == fn && !ssaidiom.InLoop(s.Block())
}

// channel computes the flow of the channel made by mk.
func (a *state) channel(mk *ssa.MakeChan) *Channel {
	p, w := a.follow(mk, true)
	return &Channel{
		Make:            mk,
		Escaped:         w.Escaped(),
		Closed:          p.closed,
		Returned:        w.Returned(),
		ProcessLifetime: ssaidiom.IsProcessLifetime(mk.Parent()),
		RecvOnlyOut:     p.recvOnlyOut,
		Ranges:          p.ranges,
		Sends:           p.sends,
		Recvs:           p.recvs,
		Closes:          p.closes,
		Aliases:         w.Aliases(),
		Returns:         p.returns,
		EscapedFar:      w.EscapedFar(),
		Kept:            w.Kept(),
	}
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	if !ok {
		// A type parameter whose core type is a channel.
		if tp, isTP := types.Unalias(t).(*types.TypeParam); isTP {
			_, ok = coreType(tp).(*types.Chan)
		}
	}
	return ok
}

// coreType returns the single underlying type of every type in the type
// set of tp, or nil.
func coreType(tp *types.TypeParam) types.Type {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var core types.Type
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		u, ok := iface.EmbeddedType(i).(*types.Union)
		if !ok {
			t := iface.EmbeddedType(i).Underlying()
			if core != nil && !types.Identical(core, t) {
				return nil
			}
			core = t
			continue
		}
		for j := 0; j < u.Len(); j++ {
			t := u.Term(j).Type().Underlying()
			if core != nil && !types.Identical(core, t) {
				return nil
			}
			core = t
		}
	}
	return core
}
