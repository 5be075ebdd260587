package lostsignal

import (
	"fmt"
	"strings"
)

// Kind says what one result of a function is to the goroutine the function
// starts.
type Kind uint8

const (
	// None: the result is no handle on a goroutine.
	None Kind = iota
	// SendOnce: the result is a channel that a goroutine started by the
	// function sends one value on, blocking until someone receives it;
	// nothing else can receive from the channel.
	SendOnce
	// SendMany: like SendOnce, but the goroutine sends more than once (or
	// more values than the channel's buffer holds), so a single receive
	// may not release it.
	SendMany
	// Stop: the result is a function (a stop, cancel or close function)
	// whose call is the only way to end a goroutine started by the
	// function.
	Stop
	// SendStream: like SendMany, on an unbuffered channel, and after each
	// value a goroutine may send another (it sends in a loop, or in
	// sequence, or several goroutines each send): a receiver that stops
	// receiving before the channel is closed leaves it blocked.
	SendStream
)

var kindNames = [...]string{None: "none", SendOnce: "send", SendMany: "sends", Stop: "stop", SendStream: "stream"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// isChan reports whether k describes a channel result.
func (k Kind) isChan() bool { return k == SendOnce || k == SendMany || k == SendStream }

// Handles is a fact attached to a *types.Func some of whose results are the
// only handle on a goroutine the function starts. Results[i] describes the
// function's i-th result. It is exported only for functions with at least
// one such result: a missing fact means "nothing known", and unknown means
// silence.
type Handles struct {
	Results []Kind
}

// AFact marks Handles as an analysis.Fact.
func (*Handles) AFact() {}

func (h *Handles) String() string {
	var parts []string
	for i, k := range h.Results {
		if k != None {
			parts = append(parts, fmt.Sprintf("%d:%s", i, k))
		}
	}
	return "handles(" + strings.Join(parts, " ") + ")"
}

// any reports whether some result is a handle.
func (h *Handles) any() bool {
	for _, k := range h.Results {
		if k != None {
			return true
		}
	}
	return false
}
