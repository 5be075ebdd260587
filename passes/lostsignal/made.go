package lostsignal

import (
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// made is the near life of a channel that a starter function makes, read
// from chanflow's record of its make, in the roles this pass gives code:
// the starter itself (and what it calls or defers), the goroutines it
// starts, and the stop functions it returns.
//
// chanflow walks every make once; its record also holds what the callers
// the channel is returned to do with it (the far life), which is theirs to
// judge, not the summary's.
type made struct {
	starter *ssa.Function
	// modelled is false when the near life holds something the summary
	// does not model: an escape, a field or package variable keeping the
	// channel, a hand-over to another package, a send or receive by the
	// starter or a stop function, a return by anyone but the starter.
	modelled bool

	returned   []int                       // result indexes under which the starter returns the channel
	sends      []*ssa.Send                 // plain sends, in goroutines
	selectSend bool                        // a send case of a select, in a goroutine
	recvs      []*chanflow.Recv            // receives, range loops included, in goroutines
	closes     [numRoles]int               // closes, by role
	roots      map[*ssa.Function][]*ssa.Go // goroutines' functions and their go statements
	stopFns    map[*ssa.Function]int       // returned closures that capture the channel, with their result index
}

// nearLife reads the near life of ch, made by starter.
func nearLife(starter *ssa.Function, ch *chanflow.Channel) *made {
	m := &made{
		starter: starter,
		roots:   make(map[*ssa.Function][]*ssa.Go),
		stopFns: make(map[*ssa.Function]int),
	}
	if ch == nil || (ch.Escaped && !ch.EscapedFar) || ch.Kept {
		return m
	}
	m.modelled = true
	for v := range ch.Aliases {
		if fv, ok := v.(*ssa.FreeVar); ok {
			if fn := fv.Parent(); fn.Parent() == starter {
				if i := returnedClosure(fn, starter); i >= 0 {
					m.stopFns[fn] = i
				}
			}
		}
	}
	for _, r := range ch.Returns {
		switch {
		case r.Far:
		case r.Go == nil && r.Instr.Parent() == starter:
			m.returned = append(m.returned, resultIndexes(r.Instr, ch)...)
		default:
			m.modelled = false
		}
	}
	for _, s := range ch.Sends {
		if s.Far {
			continue
		}
		switch instr := s.Instr.(type) {
		case *ssa.Send:
			m.sends = append(m.sends, instr)
		case *ssa.Select:
			m.selectSend = true
		default:
			m.modelled = false // handed to another package
		}
		m.inGoroutine(s.Go, false)
	}
	for _, r := range ch.Recvs {
		if r.Far {
			continue
		}
		if _, foreign := r.Instr.(ssa.CallInstruction); foreign {
			m.modelled = false
		}
		m.recvs = append(m.recvs, r)
		m.inGoroutine(r.Go, false)
	}
	for _, r := range ch.Ranges {
		if r.Far {
			continue
		}
		if r.Recv == nil {
			m.modelled = false
			continue
		}
		m.recvs = append(m.recvs, &chanflow.Recv{Instr: r.Recv, State: -1, Go: r.Go})
		m.inGoroutine(r.Go, false)
	}
	for _, c := range ch.Closes {
		if c.Far {
			continue
		}
		if b, ok := c.Instr.Common().Value.(*ssa.Builtin); !ok || b.Name() != "close" {
			m.modelled = false
		}
		m.closes[m.role(c.Instr, c.Go)]++
		m.inGoroutine(c.Go, true)
	}
	return m
}

// inGoroutine records the goroutine started by g as a root. An operation
// outside goroutines is not modelled unless it is a close, which the
// summary judges by role.
func (m *made) inGoroutine(g *ssa.Go, isClose bool) {
	if g == nil {
		if !isClose {
			m.modelled = false // the starter or a stop function sends or receives
		}
		return
	}
	fn := ssaidiom.GoroutineFunc(g)
	if fn == nil {
		m.modelled = false
		return
	}
	for _, seen := range m.roots[fn] {
		if seen == g {
			return
		}
	}
	m.roots[fn] = append(m.roots[fn], g)
}

// role returns the role of the code doing instr, in the goroutine started
// by g (nil: not in a goroutine).
func (m *made) role(instr ssa.Instruction, g *ssa.Go) role {
	if g != nil {
		return goroutine
	}
	for fn := instr.Parent(); fn != nil; fn = fn.Parent() {
		if _, ok := m.stopFns[fn]; ok {
			return stopper
		}
	}
	return starter
}

// returnedClosure returns the result index under which starter returns
// the closure of fn, an anonymous function of starter, when returning it
// is all starter does with it; -1 otherwise.
func returnedClosure(fn, starter *ssa.Function) int {
	refs := fn.Referrers()
	if refs == nil || len(*refs) != 1 {
		return -1
	}
	mc, ok := (*refs)[0].(*ssa.MakeClosure)
	if !ok || mc.Parent() != starter {
		return -1
	}
	idx := -1
	for _, instr := range *mc.Referrers() {
		i := -1
		switch instr := instr.(type) {
		case *ssa.Return:
			i = slicesIndex(instr.Results, mc)
		case *ssa.Store:
			if instr.Val == mc {
				i = returnedVia(instr.Addr, starter)
			}
		case *ssa.DebugRef:
			continue
		}
		if i < 0 || (idx >= 0 && i != idx) {
			return -1
		}
		idx = i
	}
	return idx
}

func slicesIndex(vals []ssa.Value, v ssa.Value) int {
	for i, x := range vals {
		if x == v {
			return i
		}
	}
	return -1
}

// resultIndexes returns the indexes of the results of ret that are
// aliases of ch.
func resultIndexes(ret *ssa.Return, ch *chanflow.Channel) []int {
	var idx []int
	for i, v := range ret.Results {
		if ch.Aliases[v] {
			idx = append(idx, i)
		}
	}
	return idx
}
