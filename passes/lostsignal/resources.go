package lostsignal

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/internal/valueflow"
)

// resourceKind is a kind of value that starts goroutines (or a process, or
// a ticker) and must be waited for (or stopped) by its owner.
type resourceKind uint8

const (
	noResource resourceKind = iota
	waitGroup               // sync.WaitGroup
	errGroup                // golang.org/x/sync/errgroup.Group
	command                 // os/exec.Cmd
	ticker                  // time.Ticker, in files older than go1.23
)

func (k resourceKind) String() string {
	return [...]string{noResource: "value", waitGroup: "WaitGroup", errGroup: "group", command: "command", ticker: "ticker"}[k]
}

// methodRole is what a method of a resource does.
type methodRole uint8

const (
	unknownMethod methodRole = iota
	neutral                  // neither starts nor waits
	spawns                   // starts a goroutine (or process)
	waits                    // waits for them (or stops the ticker)
)

var methodRoles = map[resourceKind]map[string]methodRole{
	waitGroup: {"Add": spawns, "Go": spawns, "Done": neutral, "Wait": waits},
	errGroup:  {"Go": spawns, "TryGo": spawns, "SetLimit": neutral, "Wait": waits},
	command: {
		"Start": spawns, "Wait": waits, "Run": waits, "Output": waits, "CombinedOutput": waits,
		"StdinPipe": neutral, "StdoutPipe": neutral, "StderrPipe": neutral, "String": neutral, "Environ": neutral,
	},
	ticker: {"Stop": waits, "Reset": neutral},
}

// resourceKindOf returns the kind of resource t (or *t) is.
func resourceKindOf(t types.Type) resourceKind {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return noResource
	}
	switch path, name := named.Obj().Pkg().Path(), named.Obj().Name(); {
	case path == "sync" && name == "WaitGroup":
		return waitGroup
	case path == "golang.org/x/sync/errgroup" && name == "Group":
		return errGroup
	case path == "os/exec" && name == "Cmd":
		return command
	case path == "time" && name == "Ticker":
		return ticker
	}
	return noResource
}

// isResourceFunc reports whether fn makes a resource: exec.Command,
// errgroup.WithContext, or (when old files are analysed) time.NewTicker
// and time.Tick.
func isResourceFunc(fn *types.Func, old bool) bool {
	if fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "os/exec.Command", "os/exec.CommandContext", "golang.org/x/sync/errgroup.WithContext":
		return true
	case "time.NewTicker", "time.Tick":
		return old
	}
	return false
}

// checkResources checks every group, command and (in old files) ticker
// that fn makes.
func (c *checker) checkResources(fn *ssa.Function) {
	old := c.oldFiles[c.pass.Fset.File(fn.Pos())] != ""
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			v, kind := resourceMade(instr)
			if kind == ticker && !old || kind == noResource {
				continue
			}
			if v == nil { // time.Tick: its ticker can never be stopped
				c.checkTick(fn, instr.(*ssa.Call))
				continue
			}
			c.checkResource(fn, v, kind)
		}
	}
}

// resourceMade returns the resource that instr makes, if any. For a call
// to time.Tick it returns a nil value and the kind ticker.
func resourceMade(instr ssa.Instruction) (ssa.Value, resourceKind) {
	switch instr := instr.(type) {
	case *ssa.Alloc:
		// A variable of type sync.WaitGroup, errgroup.Group or
		// exec.Cmd, or &T{}. (A variable of type *T holds a value made
		// elsewhere; its type is **T and has no kind.)
		if k := resourceKindOf(instr.Type()); k != ticker {
			return instr, k
		}
	case *ssa.Call:
		callee := instr.Call.StaticCallee()
		switch {
		case isFunc(callee, "os/exec", "Command", "CommandContext"):
			return instr, command
		case isFunc(callee, "time", "NewTicker"):
			return instr, ticker
		case isFunc(callee, "time", "Tick"):
			return nil, ticker
		case isFunc(callee, "golang.org/x/sync/errgroup", "WithContext"):
			if g := ssaidiom.Results(instr, 0); len(g) > 0 {
				return g[0], errGroup
			}
		}
	}
	return nil, noResource
}

// resource is the policy of a walk of a resource that one function (the
// owner) makes: it records what the owner does with it. The walk's
// context is the call of the owner through which it reached code other
// than the owner's own body (nil in the owner's body).
type resource struct {
	kind  resourceKind
	owner *ssa.Function
	made  ssa.Value

	*valueflow.Walk[ssa.Instruction]
	// escaped: a method or field of the resource is used in a way that
	// is not modelled.
	escaped bool
	// pathSet: the Path field of an exec.Cmd made as a composite literal
	// is set (without it, Start always fails).
	pathSet bool
	// waitedElsewhere: a closure, a goroutine or a deferred call waits;
	// the owner's paths do not tell whether the goroutines are waited
	// for.
	waitedElsewhere bool
	spawns          []ssa.CallInstruction    // calls in the owner that start goroutines
	waits           map[ssa.Instruction]bool // calls in the owner that wait
	gos             []*ssa.Go                // go statements handing the resource to a goroutine
}

// checkResource reports the first start of a goroutine by the resource v,
// of kind k, made in fn, from which fn can return without waiting for it.
func (c *checker) checkResource(fn *ssa.Function, v ssa.Value, k resourceKind) {
	r := &resource{kind: k, owner: fn, made: v, waits: make(map[ssa.Instruction]bool)}
	if k == ticker {
		r.spawns = append(r.spawns, v.(*ssa.Call))
	}
	r.Walk = valueflow.New(c.vf, r, valueflow.Options{})
	r.Value(v, nil)
	if r.escaped || r.Escaped() || r.waitedElsewhere {
		return
	}
	if _, lit := v.(*ssa.Alloc); lit && k == command && !r.pathSet {
		return // &exec.Cmd{} with no Path: Start fails, nothing runs
	}
	slices.SortFunc(r.spawns, func(a, b ssa.CallInstruction) int { return int(a.Pos() - b.Pos()) })
	for _, sp := range r.spawns {
		if _, m := methodName(sp); k == waitGroup && m != "Go" && len(r.gos) == 0 {
			continue // Add without a goroutine: nothing to wait for
		}
		st, ok := r.spawnStops(sp)
		if !ok {
			continue
		}
		if exit := earliest(r.neverWaitingExits(exitsFrom(fn, sp, st))); exit != nil {
			c.reportResource(r, sp, exit)
			return
		}
	}
}

// neverWaitingExits keeps the exits that no path through a wait reaches.
// An exit that some path reaches after waiting is one the function also
// leaves by on its waiting paths: the path that skips the wait skips a
// conditional wait, and whether its condition can really be false there
// usually depends on other conditions the analysis does not relate (the
// wait runs "if nothing was waited for yet"). Such an exit is not
// reported; an exit that only non-waiting paths reach (an early return
// between the spawn and the wait) is.
func (r *resource) neverWaitingExits(exits []ssa.Instruction) []ssa.Instruction {
	var afterWait map[*ssa.BasicBlock]bool
	for w := range r.waits {
		if w.Parent() != r.owner {
			continue
		}
		if afterWait == nil {
			afterWait = make(map[*ssa.BasicBlock]bool)
		}
		for b := range ssaidiom.Reachable(w.Block(), ssaidiom.Succs) {
			afterWait[b] = true
		}
	}
	var kept []ssa.Instruction
	for _, e := range exits {
		if !afterWait[e.Block()] {
			kept = append(kept, e)
		}
	}
	return kept
}

// spawnStops returns where paths from the spawn sp stop: at waits, and on
// the branch taken when sp reports that it started nothing (a failed
// cmd.Start, a TryGo that returned false). It reports false when sp's
// result is used in a way that hides which branch that is.
func (r *resource) spawnStops(sp ssa.CallInstruction) (stops, bool) {
	st := stops{instr: func(instr ssa.Instruction) bool { return r.waits[instr] }, edges: make(map[edge]bool)}
	call, ok := sp.(*ssa.Call)
	if !ok || r.kind == ticker || call.Referrers() == nil {
		return st, true
	}
	checked, unclear := false, false
	for _, ref := range *call.Referrers() {
		if e, ok := failureBranch(ref); ok {
			if e != nil {
				st.edges[*e] = true
				checked = true
			}
			continue
		}
		// Returning the error (or logging it) is fine once a branch
		// tells failure from success; without one, only a plain return
		// of it says nothing about which paths started something.
		if _, ret := ref.(*ssa.Return); !ret {
			unclear = true
		}
	}
	return st, checked || !unclear
}

// failureBranch returns the edge taken when the start call reports
// failure through its use ref: "err != nil", "err == nil", "ok", "!ok".
// It reports false for any other use.
func failureBranch(ref ssa.Instruction) (*edge, bool) {
	switch ref := ref.(type) {
	case *ssa.DebugRef:
		return nil, true
	case *ssa.If: // TryGo's bool
		e := ifEdge(ref, false)
		return &e, true
	case *ssa.UnOp:
		if iff := ssaidiom.OnlyIf(ref); ref.Op == token.NOT && iff != nil {
			e := ifEdge(iff, true)
			return &e, true
		}
	case *ssa.BinOp:
		iff := ssaidiom.OnlyIf(ref)
		if iff == nil || !(ssaidiom.IsNilConst(ref.X) || ssaidiom.IsNilConst(ref.Y)) || (ref.Op != token.NEQ && ref.Op != token.EQL) {
			return nil, false
		}
		e := ifEdge(iff, ref.Op == token.NEQ)
		return &e, true
	}
	return nil, false
}

// Op records the calls of the resource's methods and follows its fields;
// anything else lets it escape.
func (r *resource) Op(_ *valueflow.Walk[ssa.Instruction], _ ssa.Value, op valueflow.Op, via ssa.Instruction) valueflow.Verdict {
	switch instr := op.Instr.(type) {
	case *ssa.Store: // initialisation of the resource itself
		return valueflow.Handled
	case *ssa.FieldAddr:
		r.field(instr, via)
	case ssa.CallInstruction:
		if op.Kind != valueflow.Foreign || op.Arg != 0 || !r.isMethod(op.Callee) {
			return valueflow.Escape // a function of another package may wait, or keep it
		}
		r.method(op.Callee.Name(), instr, via)
	default:
		return valueflow.Escape
	}
	if r.escaped {
		return valueflow.Escape
	}
	return valueflow.Handled
}

// isMethod reports whether fn is a method of the resource's type.
func (r *resource) isMethod(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	return recv != nil && resourceKindOf(recv.Type()) == r.kind
}

// Enter records the go statements of the owner that hand the resource
// to a goroutine; the callee runs on behalf of the owner's call.
func (r *resource) Enter(call ssa.CallInstruction, _ *ssa.Function, via ssa.Instruction) (ssa.Instruction, bool) {
	if via != nil {
		return via, true
	}
	if g, ok := call.(*ssa.Go); ok {
		r.gos = append(r.gos, g)
	}
	return call, true
}

// Closure follows the resource into a closure that captures it. Whatever
// the closure does happens outside the owner's own paths.
func (r *resource) Closure(mc *ssa.MakeClosure, _ ssa.Instruction) ([]ssa.Instruction, bool) {
	for _, ref := range *mc.Referrers() {
		if g, ok := ref.(*ssa.Go); ok && g.Call.Value == mc && g.Parent() == r.owner {
			r.gos = append(r.gos, g)
		}
	}
	return []ssa.Instruction{mc}, true
}

// method records a call of the resource's method name.
func (r *resource) method(name string, instr ssa.CallInstruction, via ssa.Instruction) {
	role := methodRoles[r.kind][name]
	if via == nil {
		via = instr
	}
	_, sync := via.(*ssa.Call)
	switch {
	case role == unknownMethod:
		r.escaped = true
	case role == waits && sync && via.Parent() == r.owner:
		r.waits[via] = true
	case role == waits:
		r.waitedElsewhere = true // deferred, in a goroutine, or in a closure
	case role == spawns && sync && via.Parent() == r.owner:
		r.spawns = append(r.spawns, via.(ssa.CallInstruction))
	}
}

// field follows &cmd.F: fields may be set and read (cmd.Stdout, cmd.Dir,
// cmd.Process.Pid), but the process may only be killed or signalled
// through cmd.Process: its Wait method reaps the child as cmd.Wait does.
func (r *resource) field(fa *ssa.FieldAddr, via ssa.Instruction) {
	if r.kind != command && r.kind != ticker {
		r.escaped = true
		return
	}
	for _, ref := range *fa.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != fa {
				r.escaped = true
			}
			r.pathSet = r.pathSet || fieldName(fa) == "Path"
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				r.escaped = true
			} else if isNamed(ref.Type(), "os", "Process") {
				r.process(ref, via)
			}
		case *ssa.DebugRef:
		default:
			r.escaped = true
		}
	}
}

func fieldName(fa *ssa.FieldAddr) string {
	st, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// process follows cmd.Process.
func (r *resource) process(p ssa.Value, via ssa.Instruction) {
	for _, ref := range *p.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef, *ssa.BinOp:
		case ssa.CallInstruction:
			callee := ref.Common().StaticCallee()
			switch {
			case callee == nil || callee.Signature.Recv() == nil || !isNamed(callee.Signature.Recv().Type(), "os", "Process"):
				r.escaped = true
			case callee.Name() == "Wait":
				r.method("Wait", ref, via)
			case callee.Name() != "Kill" && callee.Name() != "Signal":
				r.escaped = true
			}
		default:
			r.escaped = true
		}
	}
}

// isNamed reports whether t is pkg.name or *pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// checkTick reports a call of time.Tick from which fn can return: the
// ticker can never be stopped.
func (c *checker) checkTick(fn *ssa.Function, call *ssa.Call) {
	if exit := exitFrom(fn, call, stops{}); exit != nil {
		c.reportTick(fn, call, exit)
	}
}
