// Package interleave explores, with a bound, the interleavings of a few
// processes that talk over a few channels, and finds a reachable state in
// which one process waits forever: no case of the operation it waits on
// can proceed, and no other process can ever perform an operation that
// would let one proceed.
//
// A process is a graph of points: channel operations (a plain send or
// receive is a select of one case), closes, the start of another process,
// returns, and an opaque point where the process's future is unknown. The
// branches between two points are resolved before the model is built:
// each point lists the points its process may go on to (any of them may be
// taken), so the explorer itself knows nothing of control flow, values or
// Go. Channels have a capacity and are modelled exactly: a count of
// buffered values and a closed flag. A case may also wait on the
// environment (a context, a timer): such a case can be taken at any time.
//
// It is written by hand because the analysis must run inside one go vet
// process per package, in milliseconds: model checkers that could explore
// such models (SPIN, as Gomela does, or a Go library binding one) are
// external programs or far larger than the few hundred states needed here.
//
// The search is a breadth-first search over states, bounded by
// Model.MaxStates; it gives up (reports nothing) when the bound is
// reached. One reduction keeps it small: a step that no other process can
// observe (starting a process, arming a deferred close, a return with no
// deferred close) is taken alone, at once, which does not change the
// states in which a process waits forever.
package interleave

import (
	"encoding/binary"
)

// Kind is the kind of a point.
type Kind uint8

const (
	// Op waits until one of its cases can proceed.
	Op Kind = iota
	// Close closes Chan and goes on.
	Close
	// Arm records a deferred close of Chan, run when the process returns.
	Arm
	// Spawn starts process Child and goes on.
	Spawn
	// Return ends the process, after its armed closes.
	Return
	// Opaque stands for a future the model does not know: the process
	// stays there, may do any operation in Touch, and never counts as
	// returned.
	Opaque
	// Goto goes on to any of Next: a choice of the process's own, which
	// no other process observes (the way to its first operation).
	Goto
)

// CaseKind is what a case of an Op waits for.
type CaseKind uint8

const (
	// SendCase sends on Chan.
	SendCase CaseKind = iota
	// RecvCase receives from Chan.
	RecvCase
	// EnvCase waits on the environment (a context, a timer, a channel
	// of unknown origin): it may proceed at any time.
	EnvCase
	// DefaultCase proceeds when no other case can.
	DefaultCase
	// AfterCase waits on the environment, which releases it once
	// process After has returned (a test's context, cancelled when the
	// test function returns).
	AfterCase
)

// A Case is one way an Op can proceed.
type Case struct {
	Kind  CaseKind
	Chan  int
	After int // AfterCase
	// Next lists the points the process may go on to after the case; for
	// a receive, after receiving a value.
	Next []int
	// Closed lists the points a receive may go on to when it finds the
	// channel closed (Next when nil).
	Closed []int
}

// A Point is one step of a process.
type Point struct {
	Kind  Kind
	Cases []Case // Op
	Chan  int    // Close, Arm
	Child int    // Spawn
	Next  []int  // Close, Arm, Spawn, Goto
	// Touch is what the process may still do to the channels from this
	// point on, on any path, this point included, and what the processes
	// it may still start may do (see Bits).
	Touch Bits
}

// Bits records operations on channels: for channel i, bit 3i is a send,
// 3i+1 a receive, 3i+2 a close.
type Bits uint64

// Bit returns the bit of the operation k (SendCase, RecvCase, or 2 for a
// close) on channel ch.
func Bit(ch int, k int) Bits { return 1 << (3*ch + k) }

// Has reports whether b holds the operation k on channel ch.
func (b Bits) Has(ch, k int) bool { return b&Bit(ch, k) != 0 }

// A Proc is a process: its points, and the index of its first.
type Proc struct {
	Points []Point
	Entry  int
	// Started reports that the process runs from the start (the function
	// that makes the channels); the others wait for a Spawn.
	Started bool
}

// A Model is the processes and channels to explore.
type Model struct {
	Procs     []Proc
	Caps      []int // capacity of each channel
	MaxStates int
}

// A Step is one transition of the witness: process Proc at point Point
// took case Case (-1 when the point is not an Op). A rendezvous of an
// unbuffered send with a receive is one step of two processes: With is
// the receiving process (-1 for a step of one), at WithPoint, by its case
// WithCase.
type Step struct {
	Proc, Point, Case         int
	With, WithPoint, WithCase int
}

// A Stuck is a process waiting forever in a reachable state.
type Stuck struct {
	Proc  int
	Point int
	// Path is the sequence of steps from the initial state.
	Path []Step
	// Pos holds the point of each process in the final state: -1 not
	// started, -2 returned.
	Pos []int
	// Deadlock is set when no process can move any more: every process
	// still running waits at an operation that only the others, all
	// waiting too, could let proceed. Others then lists the other
	// processes waiting forever.
	Deadlock bool
	Others   []int
}

const (
	notStarted = -1
	returned   = -2
)

// state is one state of the model.
type state struct {
	pos    []int  // per process: point, notStarted or returned
	armed  []Bits // per process: the closes it runs on return
	count  []int  // per channel: buffered values
	closed []bool // per channel
}

func (s *state) key() string {
	buf := make([]byte, 0, 4*len(s.pos)+2*len(s.count))
	for i, p := range s.pos {
		buf = binary.AppendVarint(buf, int64(p))
		buf = binary.AppendUvarint(buf, uint64(s.armed[i]))
	}
	for i, n := range s.count {
		c := 0
		if s.closed[i] {
			c = 1
		}
		buf = binary.AppendUvarint(buf, uint64(n<<1|c))
	}
	return string(buf)
}

func (s *state) clone() *state {
	return &state{
		pos:    append([]int(nil), s.pos...),
		armed:  append([]Bits(nil), s.armed...),
		count:  append([]int(nil), s.count...),
		closed: append([]bool(nil), s.closed...),
	}
}

type node struct {
	s    *state
	prev int // index in the search's nodes, -1 for the initial state
	step Step
}

// Explore searches m for a process stuck forever, in the order the states
// are reached (shortest witness first). It returns nil when there is
// none within the bound, and whether the bound was reached.
func Explore(m *Model) (stuck *Stuck, exhausted bool) {
	init := &state{
		pos:    make([]int, len(m.Procs)),
		armed:  make([]Bits, len(m.Procs)),
		count:  make([]int, len(m.Caps)),
		closed: make([]bool, len(m.Caps)),
	}
	for i, p := range m.Procs {
		init.pos[i] = notStarted
		if p.Started {
			init.pos[i] = p.Entry
		}
	}
	nodes := []node{{s: init, prev: -1}}
	seen := map[string]bool{init.key(): true}
	for i := 0; i < len(nodes); i++ {
		s := nodes[i].s
		if p, pt, ok := m.stuck(s); ok {
			return &Stuck{Proc: p, Point: pt, Path: path(nodes, i), Pos: s.pos}, false
		}
		next := m.successors(s)
		if len(next) == 0 {
			if p, pt, ok := m.deadlocked(s); ok {
				st := &Stuck{Proc: p, Point: pt, Path: path(nodes, i), Pos: s.pos, Deadlock: true}
				for j, q := range s.pos {
					if j != p && q >= 0 && m.Procs[j].Points[q].Kind == Op && len(m.Procs[j].Points[q].Cases) > 0 {
						st.Others = append(st.Others, j)
					}
				}
				return st, false
			}
		}
		for _, n := range next {
			k := n.s.key()
			if seen[k] {
				continue
			}
			if len(nodes) >= m.MaxStates {
				return nil, true
			}
			seen[k] = true
			n.prev = i
			nodes = append(nodes, n)
		}
	}
	return nil, false
}

func path(nodes []node, i int) []Step {
	var steps []Step
	for ; nodes[i].prev >= 0; i = nodes[i].prev {
		steps = append(steps, nodes[i].step)
	}
	for l, r := 0, len(steps)-1; l < r; l, r = l+1, r-1 {
		steps[l], steps[r] = steps[r], steps[l]
	}
	return steps
}

// successors returns the states one step from s. A step no other process
// can observe is taken alone.
func (m *Model) successors(s *state) []node {
	for i, p := range s.pos {
		if p < 0 {
			continue
		}
		pt := &m.Procs[i].Points[p]
		if pt.Kind == Spawn || pt.Kind == Arm || pt.Kind == Goto || pt.Kind == Return && s.armed[i] == 0 {
			return m.local(s, i, p)
		}
	}
	var out []node
	for i, p := range s.pos {
		if p < 0 {
			continue
		}
		pt := &m.Procs[i].Points[p]
		switch pt.Kind {
		case Close:
			if s.closed[pt.Chan] {
				continue // a panic: no leak to find on this path
			}
			out = append(out, m.goOn(s, i, p, -1, pt.Next, func(t *state) { t.closed[pt.Chan] = true })...)
		case Return:
			out = append(out, m.local(s, i, p)...)
		case Op:
			out = append(out, m.opSteps(s, i, p)...)
		}
	}
	return out
}

// local takes the unobservable step of process i at point p.
func (m *Model) local(s *state, i, p int) []node {
	pt := &m.Procs[i].Points[p]
	switch pt.Kind {
	case Spawn:
		return m.goOn(s, i, p, -1, pt.Next, func(t *state) {
			if t.pos[pt.Child] == notStarted {
				t.pos[pt.Child] = m.Procs[pt.Child].Entry
			}
		})
	case Arm:
		return m.goOn(s, i, p, -1, pt.Next, func(t *state) { t.armed[i] |= Bit(pt.Chan, 2) })
	case Goto:
		return m.goOn(s, i, p, -1, pt.Next, nil)
	}
	// Return: run the armed closes.
	t := s.clone()
	for ch := range m.Caps {
		if t.armed[i].Has(ch, 2) {
			if t.closed[ch] {
				return nil // a panic
			}
			t.closed[ch] = true
		}
	}
	t.armed[i] = 0
	t.pos[i] = returned
	return []node{{s: t, step: Step{Proc: i, Point: p, Case: -1, With: -1}}}
}

// goOn returns the states in which process i has left point p by case c
// for each of next, after effect.
func (m *Model) goOn(s *state, i, p, c int, next []int, effect func(*state)) []node {
	var out []node
	for _, n := range next {
		t := s.clone()
		if effect != nil {
			effect(t)
		}
		t.pos[i] = n
		out = append(out, node{s: t, step: Step{Proc: i, Point: p, Case: c, With: -1}})
	}
	return out
}

// opSteps returns the steps of process i waiting at the Op p: each case
// that can proceed alone (a buffered operation, a closed channel, the
// environment, the default case when no other can), and each rendezvous
// of an unbuffered send with a receive of another process.
func (m *Model) opSteps(s *state, i, p int) []node {
	pt := &m.Procs[i].Points[p]
	var out []node
	ready := false
	for ci, c := range pt.Cases {
		switch c.Kind {
		case EnvCase:
			ready = true
			out = append(out, m.goOn(s, i, p, ci, c.Next, nil)...)
		case AfterCase:
			if s.pos[c.After] == returned {
				ready = true
				out = append(out, m.goOn(s, i, p, ci, c.Next, nil)...)
			}
		case SendCase:
			if s.closed[c.Chan] {
				ready = true // a panic: not explored
				continue
			}
			if s.count[c.Chan] < m.Caps[c.Chan] {
				ready = true
				out = append(out, m.goOn(s, i, p, ci, c.Next, func(t *state) { t.count[c.Chan]++ })...)
				continue
			}
			if m.Caps[c.Chan] == 0 {
				for j, q := range s.pos {
					if j == i || q < 0 || m.Procs[j].Points[q].Kind != Op {
						continue
					}
					for rj, rc := range m.Procs[j].Points[q].Cases {
						if rc.Kind != RecvCase || rc.Chan != c.Chan {
							continue
						}
						ready = true
						for _, n := range c.Next {
							for _, rn := range rc.Next {
								t := s.clone()
								t.pos[i], t.pos[j] = n, rn
								out = append(out, node{s: t, step: Step{Proc: i, Point: p, Case: ci, With: j, WithPoint: q, WithCase: rj}})
							}
						}
					}
				}
			}
		case RecvCase:
			switch {
			case s.count[c.Chan] > 0:
				ready = true
				out = append(out, m.goOn(s, i, p, ci, c.Next, func(t *state) { t.count[c.Chan]-- })...)
			case s.closed[c.Chan]:
				ready = true
				next := c.Closed
				if next == nil {
					next = c.Next
				}
				out = append(out, m.goOn(s, i, p, ci, next, nil)...)
			}
			// An unbuffered rendezvous is found from the sender's side.
		}
	}
	if !ready {
		for ci, c := range pt.Cases {
			if c.Kind == DefaultCase && !m.partnerWaiting(s, i, pt) {
				out = append(out, m.goOn(s, i, p, ci, c.Next, nil)...)
			}
		}
	}
	return out
}

// partnerWaiting reports whether some other process waits at an Op with a
// case that would meet one of pt's unbuffered cases now.
func (m *Model) partnerWaiting(s *state, i int, pt *Point) bool {
	for _, c := range pt.Cases {
		if (c.Kind != SendCase && c.Kind != RecvCase) || m.Caps[c.Chan] != 0 {
			continue
		}
		want := SendCase
		if c.Kind == SendCase {
			want = RecvCase
		}
		for j, q := range s.pos {
			if j == i || q < 0 || m.Procs[j].Points[q].Kind != Op {
				continue
			}
			for _, oc := range m.Procs[j].Points[q].Cases {
				if oc.Kind == want && oc.Chan == c.Chan {
					return true
				}
			}
		}
	}
	return false
}

// stuck returns a process of s waiting at an Op that no case can ever
// leave: each case waits on a channel (no environment, no default), none
// can proceed now, and no other process can ever do what it waits for.
func (m *Model) stuck(s *state) (proc, point int, ok bool) {
	for i, p := range s.pos {
		if p < 0 {
			continue
		}
		pt := &m.Procs[i].Points[p]
		if pt.Kind != Op || len(pt.Cases) == 0 {
			continue
		}
		if m.waitsForever(s, i, pt) {
			return i, p, true
		}
	}
	return 0, 0, false
}

func (m *Model) waitsForever(s *state, i int, pt *Point) bool {
	others := m.othersTouch(s, i)
	for _, c := range pt.Cases {
		switch c.Kind {
		case EnvCase, DefaultCase, AfterCase:
			return false
		case SendCase:
			if s.closed[c.Chan] || s.count[c.Chan] < m.Caps[c.Chan] ||
				others.Has(c.Chan, int(RecvCase)) || others.Has(c.Chan, 2) {
				return false
			}
		case RecvCase:
			if s.closed[c.Chan] || s.count[c.Chan] > 0 ||
				others.Has(c.Chan, int(SendCase)) || others.Has(c.Chan, 2) {
				return false
			}
		}
	}
	return true
}

// othersTouch returns what the processes other than i may still do to
// the channels: those running, from where they are (with their armed
// closes), and those not started yet, when a running process may still
// start them (a point's Touch includes what the processes it may still
// start may do). Process i waits at its point, so it starts nothing more.
func (m *Model) othersTouch(s *state, i int) Bits {
	var b Bits
	for j, p := range s.pos {
		if j == i || p < 0 {
			continue
		}
		b |= m.Procs[j].Points[p].Touch | s.armed[j]
	}
	return b
}

// deadlocked returns a process waiting forever in s, a state with no
// step left, when every process still running waits at an operation on
// the channels alone (no environment, no default case) or has an opaque
// future that touches none of them. It prefers a process started by
// another to the first one.
func (m *Model) deadlocked(s *state) (proc, point int, ok bool) {
	found := -1
	for i, p := range s.pos {
		if p < 0 {
			continue
		}
		pt := &m.Procs[i].Points[p]
		switch pt.Kind {
		case Opaque:
			if pt.Touch != 0 || s.armed[i] != 0 {
				return 0, 0, false
			}
			continue
		case Op:
		default:
			return 0, 0, false // a close that panics, an armed close that does
		}
		if len(pt.Cases) == 0 {
			continue
		}
		for _, c := range pt.Cases {
			switch {
			case c.Kind != SendCase && c.Kind != RecvCase, s.closed[c.Chan]:
				return 0, 0, false // it may go on, or panic
			case c.Kind == SendCase && s.count[c.Chan] < m.Caps[c.Chan], c.Kind == RecvCase && s.count[c.Chan] > 0:
				return 0, 0, false
			}
		}
		if found < 0 || found == 0 {
			found = i
		}
	}
	if found < 0 {
		return 0, 0, false
	}
	return found, s.pos[found], true
}
