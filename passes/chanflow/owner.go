package chanflow

// An Owner is the analyzer that judges the goroutines a channel can leave
// blocked. One leak, one diagnostic: when two analyzers could report the
// same goroutine, the one whose report points at the actual mistake owns
// it, and the others stay silent. [Channel.Owner] is the one place that
// decides.
type Owner int

const (
	// Nobody judges the channel: it escapes (what happens to it is
	// unknown, and unknown means silence), it lives as long as the
	// process, or it is ranged over by loops that do end.
	Nobody Owner = iota
	// RangeClose owns a channel that a range loop ranges over forever:
	// the mistake is the missing close, reported at the loop, whatever
	// else blocks on the channel.
	RangeClose
	// LostSignal owns a channel handed back to callers: the mistake is
	// in the caller that drops it.
	LostSignal
	// GoroutineExit owns every other channel: the mistake is in the
	// function that made it and gave up on its goroutines.
	GoroutineExit
	// OneSided is goroutineexit's too, for a channel handed receive-only
	// to callers the package cannot see that nothing sends on or closes:
	// only that the receives block forever is known, not who gave up.
	OneSided
)

// Owner returns the analyzer that judges the goroutines blocked on ch.
func (ch *Channel) Owner() Owner {
	switch {
	case ch.RangesNeverEnd():
		return RangeClose
	case ch.Escaped || ch.ProcessLifetime || len(ch.Ranges) > 0:
		return Nobody
	case ch.RecvOnlyOut && !ch.NeverSent():
		// Receivers the package cannot see may take what is sent.
		return Nobody
	case ch.Returned:
		return LostSignal
	case ch.RecvOnlyOut:
		return OneSided
	}
	return GoroutineExit
}

// NeverSent reports whether nothing can ever be sent on the channel nor
// close it: every operation is known to be a receive (also those of
// callers the package cannot see, when RecvOnlyOut), and none sends or
// closes. Every receive from it then blocks forever.
func (ch *Channel) NeverSent() bool {
	return !ch.Escaped && !ch.Closed && len(ch.Sends) == 0
}
