package ssaidiom

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A Case is the branch into the body of one case of a select.
//
// go/ssa lowers a select of two or more cases (or one case and a default)
// to a *ssa.Select whose first result is the index of the chosen case,
// followed by a chain of "if idx == i goto body_i else next_i", one If
// per case in the order of sel.States; the last next block is the default
// case's body. A case whose body is empty has no block of its own: its
// edge leads straight to the block after the select, which it then shares
// with every other empty case. A select of one case and no default is no
// *ssa.Select at all, but a plain send or receive.
type Case struct {
	// Index is the index of the case in sel.States, or -1 for the
	// default case.
	Index int
	// If is the branch that tests for the case (for the default case,
	// the one that tests for the last case).
	If *ssa.If
	// Body is the block the branch enters when the case is chosen.
	Body *ssa.BasicBlock
}

// Edge returns the CFG edge taken into the case's body.
func (c Case) Edge() (from, to *ssa.BasicBlock) { return c.If.Block(), c.Body }

// SelectCases returns the cases of sel that can be found, in the order of
// sel.States, followed by the default case if sel has one.
func SelectCases(sel *ssa.Select) []Case {
	var cases []Case
	for _, ref := range *sel.Referrers() {
		idx, ok := ref.(*ssa.Extract)
		if !ok || idx.Index != 0 {
			continue
		}
		for _, use := range *idx.Referrers() {
			if c, ok := caseTest(idx, use); ok && c.Index < len(sel.States) {
				cases = append(cases, c)
			}
		}
	}
	if sel.Blocking {
		return cases
	}
	for _, c := range cases {
		if c.Index == len(sel.States)-1 {
			return append(cases, Case{Index: -1, If: c.If, Body: c.If.Block().Succs[1]})
		}
	}
	return cases
}

// SelectCase returns the k-th case of sel (the default case for k = -1).
func SelectCase(sel *ssa.Select, k int) (Case, bool) {
	for _, c := range SelectCases(sel) {
		if c.Index == k {
			return c, true
		}
	}
	return Case{}, false
}

// CaseBodies maps the block that begins the body of each case of sel to
// the case's index (-1 for the default case). Empty bodies share the
// block after the select: it is mapped to the last of them.
func CaseBodies(sel *ssa.Select) map[*ssa.BasicBlock]int {
	bodies := make(map[*ssa.BasicBlock]int)
	for _, c := range SelectCases(sel) {
		bodies[c.Body] = c.Index
	}
	return bodies
}

// caseTest decodes use, a use of the chosen index idx, as the test
// "idx == i" of a case and the If it decides.
func caseTest(idx *ssa.Extract, use ssa.Instruction) (Case, bool) {
	cmp, ok := use.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL || cmp.X != idx {
		return Case{}, false
	}
	i, ok := ConstInt(cmp.Y)
	iff := OnlyIf(cmp)
	if !ok || iff == nil || i < 0 {
		return Case{}, false
	}
	return Case{Index: int(i), If: iff, Body: iff.Block().Succs[0]}, true
}

// OnlyIf returns the If instruction that is v's only use, or nil.
func OnlyIf(v ssa.Value) *ssa.If {
	refs := v.Referrers()
	if refs == nil || len(*refs) != 1 {
		return nil
	}
	iff, _ := (*refs)[0].(*ssa.If)
	return iff
}

// OkBranch decodes the use of the ok result of a comma-ok operation v
// (a receive "x, ok := <-ch", also a type assertion or a map lookup) as
// the condition of a branch, written "if ok" or "if !ok". It returns the
// block that ends with the branch and the successor taken when ok is
// false, or nils when ok decides no branch.
func OkBranch(v ssa.Value) (branch, notOk *ssa.BasicBlock) {
	for _, ref := range *v.Referrers() {
		ext, ok := ref.(*ssa.Extract)
		if !ok || ext.Index != 1 {
			continue
		}
		for _, use := range *ext.Referrers() {
			switch use := use.(type) {
			case *ssa.If:
				return use.Block(), use.Block().Succs[1]
			case *ssa.UnOp:
				if use.Op != token.NOT {
					continue
				}
				for _, u := range *use.Referrers() {
					if iff, ok := u.(*ssa.If); ok {
						return iff.Block(), iff.Block().Succs[0]
					}
				}
			}
		}
	}
	return nil, nil
}
