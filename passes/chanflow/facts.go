package chanflow

import (
	"fmt"
	"strings"
)

// Use is a set of things a function may do with one of its channel
// parameters.
type Use uint16

const (
	// Closes: the channel may be closed, directly or through a callee.
	Closes Use = 1 << iota
	// Escapes: the channel reaches code that the analysis cannot see, so
	// anything may happen to it.
	Escapes
	// Ranges: the function ranges over the channel, in its caller's
	// goroutine, with a loop that ends only when the channel is closed.
	Ranges
	// RangesAsync: a goroutine started by the function ranges over the
	// channel with a loop that ends only when the channel is closed.
	RangesAsync
	// Sends: the function may send on the channel and later return.
	Sends
	// SendsForever: the function sends on the channel from code that never
	// returns (a daemon producer).
	SendsForever
	// Receives: the function receives from the channel outside such loops.
	Receives
	// SendsOnce: the function sends at most one value on the channel per
	// call, with a plain send statement in its own body, outside loops.
	SendsOnce
)

var useNames = []string{"closes", "escapes", "ranges", "rangesasync", "sends", "sendsforever", "receives", "sendsonce"}

func (u Use) String() string {
	var parts []string
	for i, name := range useNames {
		if u&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

// MayClose reports whether a channel with this use may be closed, or may
// be handled by code the analysis cannot see.
func (u Use) MayClose() bool { return u&(Closes|Escapes) != 0 }

// ParamUses is a fact attached to a *types.Func that has channel
// parameters. Uses[i] describes the function's i-th parameter, counting the
// receiver of a method as parameter 0, as go/ssa does. Parameters that are
// not channels have no use.
type ParamUses struct {
	Uses []Use
}

// AFact marks ParamUses as an analysis.Fact.
func (*ParamUses) AFact() {}

func (f *ParamUses) String() string {
	var parts []string
	for i, u := range f.Uses {
		if u != 0 {
			parts = append(parts, fmt.Sprintf("%d:%s", i, u))
		}
	}
	return "chanflow(" + strings.Join(parts, " ") + ")"
}

// Use returns the use of parameter i, or Escapes when the fact does not
// describe it.
func (f *ParamUses) Use(i int) Use {
	if f == nil || i < 0 || i >= len(f.Uses) {
		return Escapes
	}
	return f.Uses[i]
}
