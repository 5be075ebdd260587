package chanflow

import "testing"

// TestOwner checks which analyzer owns a channel, in order of precedence.
func TestOwner(t *testing.T) {
	ranged := []*Range{{}}
	for _, tc := range []struct {
		name string
		ch   Channel
		want Owner
	}{
		{"never closed range", Channel{Ranges: ranged, Returned: true}, RangeClose},
		{"range fed by a daemon only", Channel{Ranges: ranged, Sends: []*Send{{Forever: true}}}, Nobody},
		{"closed range", Channel{Ranges: ranged, Closed: true}, Nobody},
		{"escaped range", Channel{Ranges: ranged, Escaped: true}, Nobody},
		{"escaped", Channel{Escaped: true, Returned: true}, Nobody},
		{"process lifetime", Channel{ProcessLifetime: true}, Nobody},
		{"returned", Channel{Returned: true, Sends: []*Send{{}}}, LostSignal},
		{"local", Channel{Sends: []*Send{{}}}, GoroutineExit},
		{"closed local", Channel{Closed: true}, GoroutineExit},
		{"receive-only out, never sent", Channel{RecvOnlyOut: true}, OneSided},
		{"receive-only out, sent", Channel{RecvOnlyOut: true, Sends: []*Send{{}}}, Nobody},
		{"receive-only out, closed", Channel{RecvOnlyOut: true, Closed: true}, Nobody},
		{"receive-only out, ranged, never closed", Channel{RecvOnlyOut: true, Ranges: ranged}, RangeClose},
	} {
		if got := tc.ch.Owner(); got != tc.want {
			t.Errorf("%s: Owner() = %d, want %d", tc.name, got, tc.want)
		}
	}
}
