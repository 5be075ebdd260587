package leaktest

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// leakvetBinary builds the leakvet command, which supplies the static
// findings.
func leakvetBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "leakvet")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/leakvet/leakvet/cmd/leakvet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building leakvet: %v\n%s", err, out)
	}
	return bin
}

// run runs leakvet test in testdata/mod, the module of the fixtures.
func run(t *testing.T, bin string, args ...string) *Result {
	t.Helper()
	dir, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	var goTest strings.Builder
	cfg := Config{Dir: dir, Stderr: &goTest, Findings: vetFindings(bin)}
	res, _, err := Run(context.Background(), cfg, args)
	if err != nil {
		t.Fatalf("leakvet test %s: %v\n%s", strings.Join(args, " "), err, goTest.String())
	}
	t.Logf("go test output:\n%s", goTest.String())
	return res
}

// verdict returns the verdict on the finding at file:line (relative to
// testdata/mod).
func verdict(t *testing.T, res *Result, at string) *Verdict {
	t.Helper()
	for _, v := range res.Findings {
		if file, line, _ := fileLine(v.Posn); strings.HasSuffix(file+":"+strconv.Itoa(line), "/"+at) {
			return v
		}
	}
	t.Fatalf("no finding at %s", at)
	return nil
}

func TestLeakvetTest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs test binaries")
	}
	bin := leakvetBinary(t)

	t.Run("all", func(t *testing.T) {
		res := run(t, bin, "./...")
		var text strings.Builder
		res.writeText(&text, "")
		t.Logf("report:\n%s", text.String())

		// A finding a test triggers, named with its test and cost.
		first := verdict(t, res, "confirmed/confirmed.go:13")
		if !first.Confirmed || len(first.Sites) != 1 {
			t.Fatalf("First's send: confirmed %v, sites %d; want confirmed by one site", first.Confirmed, len(first.Sites))
		}
		s := first.Sites[0]
		if !reflect.DeepEqual(s.Tests, []string{"TestFirst"}) || s.Goroutines != 2 || s.StackBytes == 0 || s.State != "chan send" {
			t.Errorf("First's site: tests %v, %d goroutines, %d stack bytes, state %q; want TestFirst, 2, > 0, chan send",
				s.Tests, s.Goroutines, s.StackBytes, s.State)
		}
		if !strings.HasSuffix(s.Creator, "confirmed/confirmed.go:12") {
			t.Errorf("First's site started at %s, want confirmed.go:12", s.Creator)
		}

		// A finding no test reaches.
		if v := verdict(t, res, "confirmed/confirmed.go:26"); v.Confirmed {
			t.Errorf("Drain's range is confirmed, but no test calls Drain")
		}

		// A leak no finding explains.
		if len(res.RuntimeOnly) != 1 {
			t.Fatalf("got %d runtime-only sites, want 1 (Bump's mutex): %+v", len(res.RuntimeOnly), res.RuntimeOnly)
		}
		ro := res.RuntimeOnly[0]
		if !strings.HasSuffix(ro.Blocking, "confirmed/confirmed.go:42") || ro.State != "sync.Mutex.Lock" ||
			!strings.HasSuffix(ro.Creator, "confirmed/confirmed.go:40") || !reflect.DeepEqual(ro.Tests, []string{"TestBump"}) {
			t.Errorf("runtime-only site = %+v, want Bump's second Lock, started at line 40, by TestBump", ro)
		}

		// A package with its own TestMain, which calls os.Exit.
		if v := verdict(t, res, "testmain/testmain.go:8"); !v.Confirmed || !reflect.DeepEqual(v.Sites[0].Tests, []string{"TestWait"}) {
			t.Errorf("testmain: confirmed %v; want confirmed by TestWait", v.Confirmed)
		}

		// A failing test still reports its leak, and the run says the
		// tests failed.
		if v := verdict(t, res, "failing/failing.go:8"); !v.Confirmed || !reflect.DeepEqual(v.Sites[0].Tests, []string{"TestSendFails"}) {
			t.Errorf("failing: confirmed %v; want confirmed by TestSendFails", v.Confirmed)
		}
		if !res.TestsFailed {
			t.Errorf("TestsFailed = false, but TestSendFails fails")
		}

		// A package without tests is not tested; its finding is not
		// triggered.
		for _, p := range res.Packages {
			tested := p.ImportPath != "example.com/leakfix/notests"
			if p.Tested != tested {
				t.Errorf("%s: tested = %v (%s), want %v", p.ImportPath, p.Tested, p.Note, tested)
			}
			if p.Tested && p.Mode != "profile" {
				t.Errorf("%s: mode %q, want profile", p.ImportPath, p.Mode)
			}
		}
		if v := verdict(t, res, "notests/notests.go:8"); v.Confirmed {
			t.Errorf("notests: confirmed without tests")
		}
		if got := res.exitCode(); got != exitLeaked {
			t.Errorf("exit code %d, want %d", got, exitLeaked)
		}
	})

	t.Run("run and count", func(t *testing.T) {
		res := run(t, bin, "-run", "TestFirst", "-count=3", "./confirmed")
		v := verdict(t, res, "confirmed/confirmed.go:13")
		if !v.Confirmed || v.Sites[0].Goroutines != 6 {
			t.Errorf("First's send with -count=3: confirmed %v, sites %+v; want 6 goroutines (2 per run)", v.Confirmed, v.Sites)
		}
		if len(res.RuntimeOnly) != 0 {
			t.Errorf("-run TestFirst also ran TestBump: %+v", res.RuntimeOnly)
		}
	})

	t.Run("clean", func(t *testing.T) {
		res := run(t, bin, "-run=TestNothing", "./confirmed")
		for _, v := range res.Findings {
			if v.Confirmed {
				t.Errorf("%s confirmed by a test that starts no goroutine", v.Posn)
			}
		}
		if len(res.RuntimeOnly) != 0 || res.exitCode() != exitClean {
			t.Errorf("runtime only %+v, exit %d; want none, 0", res.RuntimeOnly, res.exitCode())
		}
	})
}

// TestSnapshotFallback runs the hook's fallback for toolchains without the
// profile: the goroutines left at exit are reported, marked as snapshots.
func TestSnapshotFallback(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs test binaries")
	}
	t.Setenv("LEAKVET_TEST_SNAPSHOT", "1")
	res := run(t, leakvetBinary(t), "./testmain")
	if len(res.Packages) != 1 || res.Packages[0].Mode != "snapshot" {
		t.Fatalf("packages = %+v, want one tested in snapshot mode", res.Packages)
	}
	v := verdict(t, res, "testmain/testmain.go:8")
	if !v.Confirmed || v.Sites[0].Mode != "snapshot" || !reflect.DeepEqual(v.Sites[0].Tests, []string{"TestWait"}) {
		t.Errorf("testmain's receive: confirmed %v, sites %+v; want confirmed by TestWait in snapshot mode", v.Confirmed, v.Sites)
	}
	if len(res.RuntimeOnly) != 0 {
		t.Errorf("runtime only = %+v: the snapshot must leave out the testing package's and the runtime's goroutines", res.RuntimeOnly)
	}
}

func TestParseArgs(t *testing.T) {
	a, err := parseArgs([]string{"-run", "TestX", "-v", "-count=2", "-json", "-ldflags", "-s", "./p", "./q", "-args", "-x"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"-run=TestX", "-v", "-count=2"}; !reflect.DeepEqual(a.goFlags, want) {
		t.Errorf("go flags %q, want %q", a.goFlags, want)
	}
	if !reflect.DeepEqual(a.packages, []string{"./p", "./q"}) || !reflect.DeepEqual(a.testArgs, []string{"-x"}) ||
		!a.json || !a.count || a.ldflags != "-s" {
		t.Errorf("parsed %+v", a)
	}
	for _, bad := range [][]string{{"-overlay=x.json"}, {"-c"}, {"-format=xml"}, {"-run"}} {
		if _, err := parseArgs(bad); err == nil {
			t.Errorf("parseArgs(%q) accepted", bad)
		}
	}
}

func TestMainHelp(t *testing.T) {
	var out strings.Builder
	if code := Main("leakvet", []string{"help", "test"}, &out, io.Discard); code != 0 || !strings.Contains(out.String(), "leakvet test") {
		t.Errorf("help test: exit %d, output %q", code, out.String())
	}
	if code := Main("leakvet", []string{"test", "-overlay=x"}, io.Discard, io.Discard); code != exitUsage {
		t.Errorf("bad flag: exit %d, want %d", code, exitUsage)
	}
}
