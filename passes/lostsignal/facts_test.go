package lostsignal

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// TestFactCodec checks that Handles facts encode deterministically, round
// trip, and stay small: they are written for every exported starter of
// every package, the standard library included.
func TestFactCodec(t *testing.T) {
	fact := &Handles{Results: []Kind{SendOnce, None, Stop, SendMany}}
	var first []byte
	for range 10 {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("encoding is not deterministic")
		}
	}
	if len(first) > 64 {
		t.Errorf("encoded fact takes %d bytes, want at most 64", len(first))
	}
	var back Handles
	if err := gob.NewDecoder(bytes.NewReader(first)).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if got, want := back.String(), fact.String(); got != want {
		t.Errorf("round trip: got %s, want %s", got, want)
	}
	if want := "handles(0:send 2:stop 3:sends)"; fact.String() != want {
		t.Errorf("String() = %s, want %s", fact.String(), want)
	}
}
