package interleave

import "testing"

// sendAndGiveUp is a sender of one value on channel 0 and a receiver
// that may take it or give up on its environment (a context) and return.
func sendAndGiveUp(capacity int) *Model {
	sender := Proc{Started: true, Entry: 0, Points: []Point{
		{Kind: Op, Cases: []Case{{Kind: SendCase, Chan: 0, Next: []int{1}}}, Touch: Bit(0, 0)},
		{Kind: Return},
	}}
	receiver := Proc{Started: true, Entry: 0, Points: []Point{
		{Kind: Op, Cases: []Case{
			{Kind: RecvCase, Chan: 0, Next: []int{1}},
			{Kind: EnvCase, Next: []int{1}},
		}, Touch: Bit(0, 1)},
		{Kind: Return},
	}}
	return &Model{Procs: []Proc{sender, receiver}, Caps: []int{capacity}, MaxStates: 100}
}

func TestExploreFindsStuckSender(t *testing.T) {
	st, exhausted := Explore(sendAndGiveUp(0))
	if exhausted || st == nil {
		t.Fatalf("Explore = %v, %v; want the sender stuck", st, exhausted)
	}
	if st.Proc != 0 || st.Point != 0 || st.Pos[1] != returned && st.Pos[1] != 1 {
		t.Errorf("stuck = %+v, want process 0 at point 0 with process 1 at its return", st)
	}
	if len(st.Path) == 0 || st.Path[len(st.Path)-1].Proc != 1 {
		t.Errorf("path = %+v, want the receiver's return last", st.Path)
	}
}

func TestExploreBufferReleases(t *testing.T) {
	if st, _ := Explore(sendAndGiveUp(1)); st != nil {
		t.Errorf("Explore = %+v; a buffer of one takes the value, want nothing stuck", st)
	}
}

// A receiver that drains once the sender closes: nothing is stuck, and a
// close after the last send releases a range loop.
func TestExploreCloseReleasesRange(t *testing.T) {
	sender := Proc{Started: true, Points: []Point{
		{Kind: Op, Cases: []Case{{Kind: SendCase, Chan: 0, Next: []int{1}}}, Touch: Bit(0, 0) | Bit(0, 2)},
		{Kind: Close, Chan: 0, Next: []int{2}, Touch: Bit(0, 2)},
		{Kind: Return},
	}}
	ranger := Proc{Started: true, Points: []Point{
		{Kind: Op, Cases: []Case{{Kind: RecvCase, Chan: 0, Next: []int{0}, Closed: []int{1}}}, Touch: Bit(0, 1)},
		{Kind: Return},
	}}
	m := &Model{Procs: []Proc{sender, ranger}, Caps: []int{0}, MaxStates: 100}
	if st, _ := Explore(m); st != nil {
		t.Errorf("Explore = %+v, want nothing stuck", st)
	}
	// Without the close, the range waits forever once the sender returns.
	m.Procs[0].Points[1] = Point{Kind: Return}
	m.Procs[0].Points[0].Touch = Bit(0, 0)
	st, _ := Explore(m)
	if st == nil || st.Proc != 1 {
		t.Errorf("Explore = %+v, want the range stuck", st)
	}
}

// An opaque process that may still receive keeps the sender from being
// judged; the bound on states is honoured.
func TestExploreOpaqueAndBound(t *testing.T) {
	m := sendAndGiveUp(0)
	m.Procs[1].Points[0] = Point{Kind: Opaque, Touch: Bit(0, 1)}
	if st, _ := Explore(m); st != nil {
		t.Errorf("Explore = %+v, want silence while an opaque process may receive", st)
	}
	m = sendAndGiveUp(0)
	m.MaxStates = 1
	if st, exhausted := Explore(m); st != nil || !exhausted {
		t.Errorf("Explore = %+v, %v; want the bound reached", st, exhausted)
	}
}

// Two processes each send first and receive after: on unbuffered
// channels both wait forever at their sends (a deadlock), which no single
// process's give-up explains.
func TestExploreDeadlock(t *testing.T) {
	crossed := func(out, in int) Proc {
		return Proc{Started: true, Points: []Point{
			{Kind: Op, Cases: []Case{{Kind: SendCase, Chan: out, Next: []int{1}}}, Touch: Bit(out, 0) | Bit(in, 1)},
			{Kind: Op, Cases: []Case{{Kind: RecvCase, Chan: in, Next: []int{2}}}, Touch: Bit(in, 1)},
			{Kind: Return},
		}}
	}
	m := &Model{Procs: []Proc{crossed(0, 1), crossed(1, 0)}, Caps: []int{0, 0}, MaxStates: 100}
	st, _ := Explore(m)
	if st == nil || !st.Deadlock || st.Point != 0 {
		t.Fatalf("Explore = %+v, want a deadlock at the sends", st)
	}
	// With a buffer, each send completes and each receive finds a value.
	m.Caps = []int{1, 1}
	if st, _ := Explore(m); st != nil {
		t.Errorf("Explore = %+v, want nothing stuck", st)
	}
}
