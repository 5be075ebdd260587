package goroutineexit

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
)

// iteration is the part of its maker's life in which a channel can be
// used. For a channel made in a loop whose every alias lives only within
// one iteration, that ends when the loop comes back to the make: the next
// iteration makes a new channel, and nothing can reach the old one but the
// goroutines that already hold it. For any other channel it is the whole
// run of the maker.
type iteration struct {
	make *ssa.BasicBlock // the block of the make, when made anew per iteration
}

// iterationOf returns the iteration of ch.
func iterationOf(ch *chanflow.Channel) iteration {
	b := ch.Make.Block()
	if !ssaidiom.InLoop(b) || outlivesIteration(ch, ssaidiom.Cycle(b)) {
		return iteration{}
	}
	return iteration{make: b}
}

// repeats reports whether instr can run twice on the same channel.
func (it iteration) repeats(instr ssa.Instruction) bool {
	return ssaidiom.InLoopAvoiding(instr.Block(), it.make)
}

// ends reports whether entering b ends the channel's iteration, or nil
// when only a return does.
func (it iteration) ends() func(*ssa.BasicBlock) bool {
	if it.make == nil {
		return nil
	}
	return func(b *ssa.BasicBlock) bool { return b == it.make }
}

// outlivesIteration reports whether an alias of ch, made in loop, may
// carry it into a later iteration or out of the loop: a phi (prev = ch),
// a variable declared outside the loop, a field, or anything else than
// the make, a variable of the iteration, its loads and conversions, and
// the parameters and free variables of the functions it is handed to.
func outlivesIteration(ch *chanflow.Channel, loop map[*ssa.BasicBlock]bool) bool {
	parent := ch.Make.Parent()
	for v := range ch.Aliases {
		switch v := v.(type) {
		case *ssa.MakeChan, *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert:
		case *ssa.UnOp:
			if _, elem := v.X.(*ssa.IndexAddr); v.Op != token.MUL || elem {
				return true // received, or loaded from a container's element
			}
		case *ssa.Alloc:
			if v.Parent() == parent && !loop[v.Block()] {
				return true
			}
		case *ssa.Parameter, *ssa.FreeVar:
			if v.Parent() == parent {
				return true
			}
		default:
			return true
		}
	}
	return false
}
