package oracle

import (
	"strings"
	"testing"
)

func TestCleanStack(t *testing.T) {
	in := `goroutine 9 [chan receive (leaked)]:
rangeclose.CaseX()
	rangeclose/x.go:6 +0x2d
rangeclose/oraclemain/harness.Run.func1()
	rangeclose/oraclemain/harness/harness.go:166 +0x57
created by rangeclose/oraclemain/harness.Run in goroutine 1
	rangeclose/oraclemain/harness/harness.go:159 +0x1c5`
	want := `goroutine 9 [chan receive (leaked)]:
rangeclose.CaseX()
	rangeclose/x.go:6
[oracle harness]
created by the oracle harness (this goroutine ran the Case function)`
	if got := cleanStack(in); got != want {
		t.Errorf("cleanStack:\n%s\nwant:\n%s", got, want)
	}
}

func TestTrimText(t *testing.T) {
	got := trimText(strings.Repeat("line\n", 10), 3, 1000)
	if want := "line\nline\nline\n[... trimmed]\n"; got != want {
		t.Errorf("trimText = %q, want %q", got, want)
	}
	if got := trimText("short\n", 3, 1000); got != "short\n" {
		t.Errorf("trimText = %q", got)
	}
}
