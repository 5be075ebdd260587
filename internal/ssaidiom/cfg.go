package ssaidiom

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Reachable returns the blocks reachable from b (b included) along next,
// which is typically Succs or Preds.
func Reachable(b *ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	return reachableFrom([]*ssa.BasicBlock{b}, next)
}

// reachableFrom returns the blocks reachable from any of seeds (included)
// along next.
func reachableFrom(seeds []*ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := make(map[*ssa.BasicBlock]bool, len(seeds))
	for _, b := range seeds {
		seen[b] = true
	}
	stack := slices.Clone(seeds)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, y := range next(x) {
			if !seen[y] {
				seen[y] = true
				stack = append(stack, y)
			}
		}
	}
	return seen
}

// MaxBlocks bounds the size of the functions leakvet analyses. The path
// searches are linear in a function's blocks, but a function is searched
// once per channel operation in it, so a pathological function (a
// generated state machine with thousands of branches) could cost time
// quadratic in its size. Larger functions are treated as unknown, and
// unknown means silence; the budget analyzer names them.
//
// Building a function's SSA form, which is paid whatever the budget, costs
// more than analysing it: on a generated function of 16,000 blocks (32,000
// lines, a leak in every case of a switch), the suite takes 1.4s of CPU
// and allocates 307 MiB, of which analysing the function rather than
// skipping it is 0.33s and 30 MiB (BenchmarkHugeFunction in bench/synth).
// The budget is set above that size.
//
// It is a variable only so that tests and benchmarks can move it.
var MaxBlocks = 20000

// TooBig reports whether fn is beyond MaxBlocks.
func TooBig(fn *ssa.Function) bool { return fn != nil && len(fn.Blocks) > MaxBlocks }

// Succs and Preds are the usual directions for Reachable.
func Succs(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }
func Preds(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Preds }

// Cycle returns the blocks that lie on a cycle through b (the strongly
// connected component of b), or nil if b is on no cycle.
func Cycle(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	fwd := Reachable(b, Succs)
	bwd := Reachable(b, Preds)
	loop := make(map[*ssa.BasicBlock]bool)
	for x := range fwd {
		if bwd[x] {
			loop[x] = true
		}
	}
	for _, s := range b.Succs {
		if loop[s] {
			return loop
		}
	}
	return nil
}

// InLoop reports whether b lies on a cycle.
func InLoop(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if Reachable(s, Succs)[b] {
			return true
		}
	}
	return false
}

// BlocksReachingReturn returns the blocks of fn from which the goroutine
// running fn can finish normally: a return, or a call of runtime.Goexit,
// is reachable. Panics do not count: go/ssa ends every blocking select and
// every call of a function that never returns (os.Exit, log.Fatal) with
// one, and a panic in a goroutine ends the process, not the goroutine.
func BlocksReachingReturn(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	var seeds []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok || slices.ContainsFunc(b.Instrs, IsGoexit) {
			seeds = append(seeds, b)
		}
	}
	return reachableFrom(seeds, Preds)
}

// DominatesReturns reports whether every path from the entry of b's
// function to one of its returns passes through b.
func DominatesReturns(b *ssa.BasicBlock) bool {
	for _, x := range b.Parent().Blocks {
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok && !b.Dominates(x) {
			return false
		}
	}
	return true
}

// IsGoexit reports whether instr calls runtime.Goexit.
func IsGoexit(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "runtime" && fn.Name() == "Goexit"
}

// IsProcessLifetime reports whether fn is main.main, an init function, or
// a closure inside one of them: code whose goroutines and channels are
// meant to live as long as the process.
func IsProcessLifetime(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Pkg == nil || fn.Signature.Recv() != nil || fn.Synthetic != "" {
		return false
	}
	if fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main" {
		return true
	}
	obj := fn.Object()
	return fn.Name() == "init" || obj != nil && obj.Name() == "init"
}

// GoroutineFunc returns the function that the go statement g runs, when
// it is statically known and has a body. A synthetic wrapper (a bound
// method value such as "go t.m", a thunk) is seen through to the function
// it calls.
func GoroutineFunc(g *ssa.Go) *ssa.Function {
	if g.Call.IsInvoke() {
		return nil
	}
	fn := g.Call.StaticCallee()
	for i := 0; fn != nil && fn.Synthetic != "" && i < 3; i++ {
		fn = wrapped(fn)
	}
	if fn == nil || len(fn.Blocks) == 0 {
		return nil
	}
	return fn
}

// wrapped returns the function that the synthetic wrapper fn calls, when
// its body is a single block with one static call.
func wrapped(fn *ssa.Function) *ssa.Function {
	if len(fn.Blocks) != 1 {
		return nil
	}
	var callee *ssa.Function
	for _, instr := range fn.Blocks[0].Instrs {
		if call, ok := instr.(ssa.CallInstruction); ok {
			if callee != nil {
				return nil
			}
			callee = call.Common().StaticCallee()
			if callee == nil {
				return nil
			}
		}
	}
	return callee
}

// InLoopAvoiding reports whether b lies on a cycle that does not pass
// through the block avoid: whether b can run twice without avoid running
// in between. With avoid the block that makes a value in a loop, it tells
// whether b can run twice for the same value. With avoid nil it is InLoop.
func InLoopAvoiding(b, avoid *ssa.BasicBlock) bool {
	if b == avoid {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := slices.Clone(b.Succs)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if x == avoid || seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

// MayEndGoroutine reports whether body ends the goroutine or the process
// other than by a return: a call of panic, os.Exit, log.Fatal or
// log.Panic, or of testing's FailNow family, which calls runtime.Goexit.
func MayEndGoroutine(body *ssa.Function) bool {
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			if p, ok := instr.(*ssa.Panic); ok && p.Pos().IsValid() {
				return true // a panic call; go/ssa's own, after a blocking select, has no position
			}
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cc := call.Common()
			var name string
			var pkg *types.Package
			if cc.IsInvoke() {
				name, pkg = cc.Method.Name(), cc.Method.Pkg()
			} else if fn := cc.StaticCallee(); fn != nil && fn.Pkg != nil {
				name, pkg = fn.Name(), fn.Pkg.Pkg
			}
			if pkg == nil {
				continue
			}
			switch pkg.Path() {
			case "testing":
				switch name {
				case "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf":
					return true
				}
			case "os":
				if name == "Exit" {
					return true
				}
			case "log":
				switch name {
				case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
					return true
				}
			}
		}
	}
	return false
}
