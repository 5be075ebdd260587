package goroutineexit

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// timerDrains reports the drain idiom "if !t.Stop() { <-t.C }" reached
// after a receive from t.C took the tick, with no t.Reset in between:
// Stop then reports false because the timer has already fired, and t.C
// stays empty, so the drain blocks forever. Both timer semantics agree:
// before Go 1.23 the buffered tick was consumed by the first receive; from
// Go 1.23 on, a receive after Stop returned never sees a stale tick.
func (c *checker) timerDrains() {
	for _, fn := range c.flow.SSA().SrcFuncs {
		if ssaidiom.TooBig(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if stop, ok := instr.(*ssa.Call); ok && timerMethod(&stop.Call) == "Stop" {
					c.checkDrain(stop)
				}
			}
		}
	}
}

// checkDrain judges the Stop call stop of a timer.
func (c *checker) checkDrain(stop *ssa.Call) {
	t := stop.Call.Args[0]
	if !timerFollowed(t) {
		return
	}
	drain := drainAfter(stop, t)
	if drain == nil {
		return
	}
	fn := stop.Parent()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			from, at := tickTaken(instr, t)
			if from == nil || instr == drain {
				continue
			}
			if reachesWithoutReset(from, stop, t) {
				name := c.src.ChanText(drain.Pos(), "the timer's channel")
				c.diags = append(c.diags, analysis.Diagnostic{
					Pos:      drain.Pos(),
					Category: "timerdrain",
					URL:      docURL,
					Message: fmt.Sprintf("receive from %s blocks forever once the %s at %s has taken the tick: Stop then reports false, and %s stays empty until a Reset",
						name, takenBy(instr), c.src.Where(at, drain.Pos()), name),
					Related: []analysis.RelatedInformation{{Pos: at, Message: "the tick is taken here, and the timer is not reset after it"}},
				})
				return
			}
		}
	}
}

// takenBy names what took the tick: a select case or a receive.
func takenBy(instr ssa.Instruction) string {
	if _, ok := instr.(*ssa.Select); ok {
		return "select case"
	}
	return "receive"
}

// drainAfter returns the receive from t.C that runs only when stop, a
// call of t.Stop, reported false: "if !t.Stop() { <-t.C }".
func drainAfter(stop *ssa.Call, t ssa.Value) *ssa.UnOp {
	for _, ref := range referrers(stop) {
		var branch *ssa.BasicBlock
		switch ref := ref.(type) {
		case *ssa.If:
			branch = ref.Block().Succs[1]
		case *ssa.UnOp:
			if ref.Op != token.NOT || len(referrers(ref)) != 1 {
				continue
			}
			iff, ok := referrers(ref)[0].(*ssa.If)
			if !ok {
				continue
			}
			branch = iff.Block().Succs[0]
		}
		if branch == nil || len(branch.Preds) != 1 {
			continue
		}
		for _, instr := range branch.Instrs {
			if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.ARROW && isTimerC(u.X, t) {
				return u
			}
		}
	}
	return nil
}

// tickTaken returns where a path goes on after instr takes a tick from
// t.C (the block of the select case, or instr itself for a plain
// receive), and the position of the receive; or nil.
func tickTaken(instr ssa.Instruction, t ssa.Value) (ssa.Instruction, token.Pos) {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		if instr.Op == token.ARROW && isTimerC(instr.X, t) {
			return instr, instr.Pos()
		}
	case *ssa.Select:
		for b, i := range ssaidiom.CaseBodies(instr) {
			if i >= 0 && instr.States[i].Dir != 0 && isTimerC(instr.States[i].Chan, t) && instr.States[i].Send == nil && len(b.Preds) == 1 {
				return b.Instrs[0], instr.States[i].Pos
			}
		}
	}
	return nil, token.NoPos
}

// reachesWithoutReset reports whether the Stop call stop can run after
// from on some path that calls no other method of t (a Reset re-arms the
// timer) and does not make t anew (a timer made in a loop is a new timer
// in each iteration).
func reachesWithoutReset(from ssa.Instruction, stop *ssa.Call, t ssa.Value) bool {
	blocked := func(instr ssa.Instruction) bool {
		if v, ok := instr.(ssa.Value); ok && v == t {
			return true // a new timer: the next iteration's
		}
		if call, ok := instr.(ssa.CallInstruction); ok && call != stop {
			if m := timerMethod(call.Common()); m != "" && call.Common().Args[0] == t {
				return true
			}
		}
		return false
	}
	seen := make(map[*ssa.BasicBlock]bool)
	var scan func(b *ssa.BasicBlock, i int) bool
	scan = func(b *ssa.BasicBlock, i int) bool {
		for _, instr := range b.Instrs[i:] {
			if instr == stop {
				return true
			}
			if blocked(instr) {
				return false
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if scan(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return scan(from.Block(), ssaidiom.IndexOf(from)+1)
}

// timerFollowed reports whether t is a timer made by time.NewTimer in
// this function and used only for its channel and its methods: nobody
// else can reset it.
func timerFollowed(t ssa.Value) bool {
	call, ok := t.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "time" || callee.Name() != "NewTimer" {
		return false
	}
	for _, ref := range referrers(t) {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if ref.Field != 0 {
				return false
			}
		case ssa.CallInstruction:
			if timerMethod(ref.Common()) == "" || !onlyReceiver(ref.Common(), t) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// isTimerC reports whether v is t.C, loaded.
func isTimerC(v ssa.Value, t ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && fa.X == t && fa.Field == 0
}

// timerMethod returns the name of the time.Timer method that call calls
// statically, or "".
func timerMethod(call *ssa.CallCommon) string {
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "time" || len(call.Args) == 0 {
		return ""
	}
	if named, ok := deref(fn.Signature.Recv().Type()).(*types.Named); ok && named.Obj().Name() == "Timer" {
		return fn.Name()
	}
	return ""
}
