package harness

import (
	"errors"
	"io"
	"strings"
	"testing"
)

type failingProfile struct{}

func (failingProfile) WriteTo(io.Writer, int) error { return errors.New("disk full") }
func (failingProfile) Count() int                   { return 0 }

// TestCheckProfileError shows that a profile that cannot be written gives
// an error, not a verdict of "nothing leaked".
func TestCheckProfileError(t *testing.T) {
	n, stacks, err := checkProfile(failingProfile{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("checkProfile = %d, %q, %v; want an error saying why", n, stacks, err)
	}
}
