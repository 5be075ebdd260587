package goroutineexit

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/interleave"
)

// reportStuck reports the process of st, stuck forever on an operation on
// a channel of g, with the way each counterpart that could have released
// it gave up on the schedule found.
func (c *checker) reportStuck(g *cpGroup, models []*procModel, st *interleave.Stuck, at map[int]bool) {
	p := g.procs[st.Proc]
	instr := models[st.Proc].instrs[st.Point]
	if instr == nil || len(p.ops[instr]) == 0 {
		return
	}
	op := p.ops[instr][0]
	var via analysis.RelatedInformation
	if in := p.via[instr]; in != nil {
		via = analysis.RelatedInformation{Pos: instr.Pos(), Message: "the operation is done by this call of " + in.Parent().Name()}
		instr = in
	}
	if at[int(instr.Pos())] {
		return
	}
	name := c.chanName(g, op.ch)
	if text := c.src.ChanText(instr.Pos(), ""); text != "" {
		name = text
	}
	doing, releases, release := "sending on", "receives from", interleave.RecvCase
	if op.kind == int(interleave.RecvCase) {
		doing, releases, release = "receiving from", "sends on or closes", interleave.SendCase
	}
	// The releasers: the other processes that do what would release it.
	var releasers []int
	key := p.g // the go statement the finding is about
	for j, q := range g.procs {
		full := models[j].ownAll()
		if j == st.Proc || !full.Has(op.ch, int(release)) && !full.Has(op.ch, closeOp) {
			continue
		}
		releasers = append(releasers, j)
		if key == nil {
			key = q.g
		}
	}
	if key == nil {
		return
	}
	var parts []string
	var related []analysis.RelatedInformation
	for _, j := range releasers {
		q := g.procs[j]
		how, pos := c.gaveUp(g, models, st, j, op.ch, releases, name, instr.Pos())
		who := c.procWho(q, instr.Pos())
		if st.Pos[j] == -1 && q.g != nil {
			who = "the goroutine of the go statement at " + c.src.Where(q.g.Pos(), instr.Pos())
		}
		parts = append(parts, who+" "+how)
		if q.g != nil && q.g != key {
			related = append(related, analysis.RelatedInformation{Pos: q.g.Pos(), Message: fmt.Sprintf("the goroutine that %s %s is started here", releases, name)})
		}
		if pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: pos, Message: fmt.Sprintf("here it no longer %s %s", releases, name)})
		}
	}
	if len(parts) == 0 {
		return // one-sided: oneSided's
	}
	subject := "goroutine"
	if p.g == nil {
		subject = p.fn.Name()
		if p.fn.Parent() != nil {
			subject = "the function literal"
		}
	}
	what := fmt.Sprintf("%s %s", doing, name)
	if _, ok := instr.(*ssa.Select); ok && len(p.ops[instr]) > 1 {
		what = "in a select"
	}
	msg := fmt.Sprintf("%s blocks forever %s: %s", subject, what, strings.Join(parts, "; "))
	if len(parts) == 1 {
		msg += fmt.Sprintf(", and nothing else %s %s", releases, name)
	}
	d := analysis.Diagnostic{Pos: instr.Pos(), Category: "counterpart", Message: msg}
	d.Related = append(d.Related, makeRelated(g.chans[op.ch], c.chanName(g, op.ch)))
	d.Related = append(d.Related, related...)
	if via.Pos.IsValid() {
		d.Related = append(d.Related, via)
	}
	if !st.Deadlock {
		for _, q := range g.procs {
			if q.g != nil && q.g != key {
				c.reported[q.g] = true
			}
		}
	}
	at[int(instr.Pos())] = true
	c.report(key, d)
}

// procWho names process q as seen from the finding at from.
func (c *checker) procWho(q *cpProc, from token.Pos) string {
	if q.g == nil {
		if q.fn.Parent() != nil {
			return "the function literal that makes it"
		}
		return q.fn.Name()
	}
	return "the goroutine started at " + c.src.Where(q.g.Pos(), from)
}

// gaveUp describes how process j of the schedule st stopped being able to
// release the stuck one: the return it reached, after the select case it
// took last that did not release it (a context, a stop channel, a
// timeout), or the last point it passed; and the position to relate.
func (c *checker) gaveUp(g *cpGroup, models []*procModel, st *interleave.Stuck, j int, stuckCh int, releases, name string, from token.Pos) (string, token.Pos) {
	m := models[j]
	var last, away *interleave.Step
	for i := range st.Path {
		s := &st.Path[i]
		switch {
		case s.Proc == j:
			last = s
			if c.awayCase(m, s.Point, s.Case, stuckCh) {
				away = s
			}
		case s.With == j:
			last = &interleave.Step{Proc: j, Point: s.WithPoint, Case: s.WithCase}
			away = nil
		}
	}
	var awayText string
	var awayPos token.Pos
	if away != nil {
		sel := m.instrs[away.Point].(*ssa.Select)
		if sc := m.caseStates[away.Point][away.Case]; sc >= 0 {
			awayText = fmt.Sprintf(" once its select at %s takes %s", c.src.Where(sel.Pos(), from), c.caseText(sel.States[sc]))
			awayPos = sel.States[sc].Pos
		} else if sc == -1 {
			awayText = fmt.Sprintf(" once its select at %s takes its default case", c.src.Where(sel.Pos(), from))
			awayPos = sel.Pos()
		}
	}
	if pos := st.Pos[j]; st.Deadlock && pos >= 0 && m.points[pos].Kind == interleave.Op && m.instrs[pos] != nil {
		at := m.instrs[pos]
		if in := m.p.via[at]; in != nil {
			at = in
		}
		return "is itself blocked forever at " + c.src.Where(at.Pos(), from), at.Pos()
	}
	var ret ssa.Instruction
	switch pos := st.Pos[j]; {
	case pos == -1:
		return "is not started on that path", token.NoPos
	case pos == -2 && last != nil:
		ret = m.instrs[last.Point]
	case pos >= 0 && m.points[pos].Kind == interleave.Return:
		ret = m.instrs[pos]
	}
	switch {
	case ret != nil && ret.Pos().IsValid() && awayPos.IsValid():
		return "returns at " + c.src.Where(ret.Pos(), from) + awayText, awayPos
	case ret != nil && ret.Pos().IsValid():
		return "returns at " + c.src.Where(ret.Pos(), from), ret.Pos()
	case ret != nil || st.Pos[j] == -2:
		return "reaches its end" + awayText, awayPos
	case awayPos.IsValid():
		return fmt.Sprintf("no longer %s %s%s", releases, name, awayText), awayPos
	case last != nil && m.instrs[last.Point] != nil:
		at := m.instrs[last.Point].Pos()
		return fmt.Sprintf("no longer %s %s after %s", releases, name, c.src.Where(at, from)), at
	}
	return fmt.Sprintf("no longer %s %s", releases, name), token.NoPos
}

// awayCase reports whether case k of point pt of m is a select case that
// does not operate on the stuck channel: a way of giving up on it.
func (c *checker) awayCase(m *procModel, pt, k, stuckCh int) bool {
	if k < 0 || k >= len(m.points[pt].Cases) {
		return false
	}
	if _, ok := m.instrs[pt].(*ssa.Select); !ok {
		return false
	}
	cs := m.points[pt].Cases[k]
	switch cs.Kind {
	case interleave.EnvCase, interleave.DefaultCase, interleave.AfterCase:
		return m.caseStates[pt][k] != -2
	}
	return cs.Chan != stuckCh
}

// caseText writes the case st of a select as in the source: "<-ch" or
// "ch <- …".
func (c *checker) caseText(st *ssa.SelectState) string {
	what := c.src.ChanText(st.Pos, "another channel")
	if st.Dir == types.RecvOnly {
		return "<-" + what
	}
	return what + " <- …"
}
