package lostsignal

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/ssaidiom"
)

// bufferFix returns a fix that gives the channel returned as result i of
// the called function a buffer of one, when that is provably right:
//
//   - the channel is made in this package by make(chan T), unbuffered;
//   - exactly one goroutine, started once per call, sends on it exactly
//     once, and nothing else uses it but the callers;
//   - that send is the goroutine's last action: it is followed by nothing
//     but the return, and the goroutine defers nothing.
//
// With a buffer of one, that send completes at once whether or not a
// caller receives; a caller that receives gets the same value as before,
// and since the goroutine does nothing after sending, nothing it does can
// happen earlier than it used to.
func (c *checker) bufferFix(call *ssa.Call, k Kind, sum *summary, i int) *analysis.SuggestedFix {
	if k != SendOnce || sum == nil || sum.makes[i] == nil {
		return nil
	}
	mk := sum.makes[i]
	ce := c.src.Call(mk.Pos())
	if ce == nil || len(ce.Args) != 1 || !lastAction(sum.sends[i]) {
		return nil
	}
	return &analysis.SuggestedFix{
		Message: "Give the channel a buffer of one so that the goroutine's send cannot block",
		TextEdits: []analysis.TextEdit{{
			Pos:     ce.Args[0].End(),
			End:     ce.Args[0].End(),
			NewText: []byte(", 1"),
		}},
	}
}

// lastAction reports whether send is the last thing its function does:
// only jumps and the return follow it, and the function defers nothing.
func lastAction(send *ssa.Send) bool {
	if send == nil {
		return false
	}
	for _, b := range send.Parent().Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Defer); ok {
				return false
			}
		}
	}
	b, rest := send.Block(), ssaidiom.InstrsAfter(send)
	for range 8 {
		for _, instr := range rest {
			switch instr.(type) {
			case *ssa.Return:
				return true
			case *ssa.Jump, *ssa.RunDefers, *ssa.DebugRef:
			default:
				return false
			}
		}
		if len(b.Succs) != 1 {
			return false
		}
		b = b.Succs[0]
		rest = b.Instrs
	}
	return false
}
