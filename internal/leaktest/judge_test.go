package leaktest

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/leakvet/leakvet/internal/sarif"
	"github.com/leakvet/leakvet/internal/sarif/schematest"
)

// dump is a made-up goroutine dump in the runtime's format: a goroutine a
// subtest's helper started, blocked in a WaitGroup, and one started by
// TestMain.
const dump = `goroutine 1 [running]:
main.main()
	_testmain.go:50 +0xa5

goroutine 31 [sync.WaitGroup.Wait (leaked)]:
sync.runtime_SemacquireWaitGroup(0x0?, 0x0?)
	/go/src/runtime/sema.go:114 +0x2e
sync.(*WaitGroup).Wait(0xc000012345)
	/go/src/sync/waitgroup.go:206 +0x85
example.com/p.wait.func1()
	/src/p/w.go:12 +0x1
created by example.com/p.wait in goroutine 30
	/src/p/w.go:10 +0x2
[originating from goroutine 30]:
example.com/p.wait(...)
	/src/p/w.go:10 +0x2
example.com/p.TestWait.func2(...)
	/src/p/w_test.go:9 +0x26
testing.tRunner(...)
	/go/src/testing/testing.go:2039 +0xea
created by testing.(*T).Run
	/go/src/testing/testing.go:2101 +0x4c5
[originating from goroutine 29]:
testing.(*T).Run(...)
	/go/src/testing/testing.go:2109 +0x4c5
example.com/p.TestWait(...)
	/src/p/w_test.go:9 +0x26
testing.tRunner(...)
	/go/src/testing/testing.go:2039 +0xea
created by testing.(*T).Run
	/go/src/testing/testing.go:2101 +0x4c5
[originating from goroutine 1]:
testing.(*T).Run(...)
	/go/src/testing/testing.go:2109 +0x4c5
testing.runTests.func1(...)
	/go/src/testing/testing.go:2584 +0x3e
testing.tRunner(...)
	/go/src/testing/testing.go:2039 +0xea

goroutine 40 [chan receive (leaked)]:
example.com/p.serve()
	/src/p/s.go:7 +0x1
created by example.com/p.TestMain in goroutine 1
	/src/p/main_test.go:20 +0x2

goroutine 41 [chan receive]:
example.com/p.alive()
	/src/p/s.go:30 +0x1
created by example.com/p.TestMain in goroutine 1
	/src/p/main_test.go:21 +0x2
`

func TestJudge(t *testing.T) {
	leaks := leaksOf(report{ImportPath: "example.com/p", Mode: "profile", Dump: dump, StackMinBytes: 2048})
	if len(leaks) != 2 {
		t.Fatalf("got %d leaks, want the 2 marked leaked", len(leaks))
	}
	if leaks[0].test != "TestWait" || leaks[1].test != "" {
		t.Errorf("tests = %q, %q; want TestWait (the top-level test, not its subtest) and none", leaks[0].test, leaks[1].test)
	}
	findings := []Finding{
		// At the blocked statement, with an absolute path.
		{Analyzer: "goroutineexit", Posn: "/src/p/w.go:12:3", Message: "wg.Wait blocks"},
		// lostsignal: at the go statement, which started the leak.
		{Analyzer: "lostsignal", Posn: "/src/p/s.go:1:1", Message: "x", Related: []Related{{Posn: "/src/p/main_test.go:20:2"}}},
		// Another analyzer whose related position is the go statement
		// but which points elsewhere: not the leak it explains.
		{Analyzer: "rangeclose", Posn: "/src/p/s.go:3:1", Related: []Related{{Posn: "/src/p/main_test.go:20:2"}}},
	}
	verdicts, runtimeOnly := judge(findings, leaks)
	var got []bool
	for _, v := range verdicts {
		got = append(got, v.Confirmed)
	}
	if want := []bool{true, true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("confirmed = %v, want %v", got, want)
	}
	if len(runtimeOnly) != 0 {
		t.Errorf("runtime only = %+v, want none", runtimeOnly)
	}
	s := verdicts[0].Sites[0]
	if s.Goroutines != 1 || s.StackBytes != 2048 || s.State != "sync.WaitGroup.Wait" || s.Blocking != "/src/p/w.go:12" {
		t.Errorf("site = %+v", s)
	}

	// Without the first finding, the WaitGroup leak is runtime only.
	_, runtimeOnly = judge(findings[1:], leaks)
	if len(runtimeOnly) != 1 || runtimeOnly[0].Creator != "/src/p/w.go:10" {
		t.Errorf("runtime only = %+v, want the WaitGroup site started at w.go:10", runtimeOnly)
	}
}

// TestSARIF checks the log of a judged run against the SARIF schema, and
// the property that says what the runtime saw.
func TestSARIF(t *testing.T) {
	leaks := leaksOf(report{ImportPath: "example.com/p", Mode: "profile", Dump: dump, StackMinBytes: 2048})
	findings := []Finding{
		{Analyzer: "goroutineexit", Posn: "/src/p/w.go:12:3", Message: "wg.Wait blocks", Related: []Related{{Posn: "/src/p/w.go:10:2", Message: "\tstarted here"}}},
		{Analyzer: "rangeclose", Posn: "/src/p/r.go:3:1", Message: "range never ends"},
	}
	verdicts, runtimeOnly := judge(findings, leaks)
	res := &Result{Findings: verdicts, RuntimeOnly: runtimeOnly}
	var buf bytes.Buffer
	if err := res.writeSARIF(&buf, "/src"); err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, buf.String())
	}
	var log sarif.Log
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		got = append(got, r.RuleID+" "+r.Properties["leakvet/runtime"].(string))
	}
	want := []string{"goroutineexit confirmed", "rangeclose not triggered", "runtimeleak runtime only"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results = %q, want %q", got, want)
	}
}

func TestSnapshotMode(t *testing.T) {
	leaks := leaksOf(report{ImportPath: "example.com/p", Mode: "snapshot", Dump: dump})
	// Every goroutine but main, leaked or not: a snapshot proves nothing.
	if len(leaks) != 3 {
		t.Errorf("got %d goroutines left running, want 3", len(leaks))
	}
}

func TestSameFile(t *testing.T) {
	if !sameFile("example.com/p/w.go", "/src/example.com/p/w.go") || sameFile("p/w.go", "/src/xp/w.go") {
		t.Error("sameFile: a -trimpath name must match a suffix at a path boundary only")
	}
}
