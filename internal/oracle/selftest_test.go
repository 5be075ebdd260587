package oracle_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leakvet/leakvet/internal/oracle"
)

// selfTestCorpus is a corpus whose runtime behavior is known, to show that
// the oracle detects leaks, accepts clean cases, and fails where it must.
var selfTestCorpus = map[string]string{
	"helper/helper.go": `package helper

// Produce sends n values on a channel it never closes.
func Produce(n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

// Send sends v on ch.
func Send(ch chan int, v int) {
	ch <- v
}
`,
	// A leak whose want is on the wrong line: the oracle judges each
	// leaked goroutine against the line of the want, and must fail.
	"wrongline.go": `package selftest

func CaseWrongLine() {
	ch := make(chan int) // want "leak"
	go func() { ch <- 1 }()
}
`,
	// Two goroutines leak, one is reported: the other is a false
	// negative the per-file verdict would not see.
	"twoleaks.go": `package selftest

func CaseTwoLeaks() {
	ch := make(chan int)
	go func() { ch <- 1 }() // want "leak"
	go func() {
		ch <- 2
	}()
}
`,
	// The goroutine blocks in another package: the want is at the go
	// statement that starts it.
	"remote.go": `package selftest

import "selftest/helper"

func CaseRemote() {
	ch := make(chan int)
	go helper.Send(ch, 1) // want "leak"
}
`,
	// An unbuffered send nobody receives, in a goroutine.
	"leak.go": `package selftest

func CaseLeak() {
	ch := make(chan int)
	go func() { ch <- 1 }() // want "leak"
}
`,
	"clean.go": `package selftest

import "sync"

func CaseClean() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range ch {
		}
	}()
	ch <- 1
	close(ch)
	wg.Wait()
}
`,
	// Clean, but its goroutine takes a moment to finish.
	"slowclean.go": `package selftest

import "time"

func CaseSlowClean() {
	go func() { time.Sleep(100 * time.Millisecond) }()
}
`,
	// The Case function itself blocks forever, ranging over a channel
	// (made in a helper package) that its producer never closes.
	"caller.go": `package selftest

import "selftest/helper"

func CaseCaller() {
	for range helper.Produce(3) { // want "never closed"
	}
}
`,
	// The same leak as leak.go, but the analyzer is silent: the oracle
	// must fail.
	"unreported.go": `package selftest

func CaseUnreported() {
	ch := make(chan int)
	go func() { ch <- 1 }()
}
`,
	// A leak the analyzer does not report, documented as such.
	"falseneg.go": `package selftest

//oracle:falsenegative the channel goes through a map

func CaseFalseNegative() {
	m := map[string]chan int{"k": make(chan int)}
	go func() { m["k"] <- 1 }()
}
`,
	// Marked as a false negative, but the analyzer reports it: the
	// directive is stale, and the oracle must say so.
	"stalefn.go": `package selftest

//oracle:falsenegative no longer true

func CaseStaleFalseNegative() {
	ch := make(chan int)
	go func() { ch <- 1 }() // want "leak"
}
`,
	// A diagnostic on code that does not leak: the oracle must fail.
	"phantom.go": `package selftest

func CasePhantom() {
	ch := make(chan int, 1)
	go func() { ch <- 1 }() // want "leak"
}
`,
	// A channel reachable from a global: the profile cannot prove the
	// receiver leaked, goleak sees it left running.
	"global.go": `package selftest

//oracle:goleak the channel is a global variable

var globalCh = make(chan int)

func CaseGlobal() {
	go func() { <-globalCh }() // want "leak"
}
`,
	// The same without the directive: the oracle must fail, pointing at
	// the directive.
	"globalprofile.go": `package selftest

var globalCh2 = make(chan int)

func CaseGlobalProfile() {
	go func() { <-globalCh2 }() // want "leak"
}
`,
	// A negative case must leave nothing behind.
	"leftover.go": `package selftest

import "time"

func CaseLeftover() {
	go func() { time.Sleep(time.Hour) }()
}
`,
	"panics.go": `package selftest

func CasePanics() {
	panic("boom")
}
`,
	"skipped.go": `package selftest

//oracle:skip exists for the type checker only

var _ = len("x")
`,
}

func TestSelf(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a corpus; skipped in -short mode")
	}
	requireGo(t)
	root, err := oracle.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "selftest")
	for name, src := range selfTestCorpus {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	cases, err := oracle.ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	bin, err := oracle.Build(t.Context(), oracle.BuildConfig{ModuleRoot: root, WorkDir: t.TempDir()}, "selftest", dir, cases)
	if err != nil {
		t.Fatal(err)
	}

	type expect struct {
		runtime  string // runtime verdict
		mismatch string // substring of the mismatch; empty if they must agree
		explain  string // substring of the explanation, if any
		returned bool
	}
	expects := map[string]expect{
		"leak.go":          {runtime: oracle.RuntimeLeak, returned: true, explain: "selftest/leak.go:5"},
		"clean.go":         {runtime: oracle.RuntimeNoLeak, returned: true},
		"slowclean.go":     {runtime: oracle.RuntimeNoLeak, returned: true},
		"caller.go":        {runtime: oracle.RuntimeLeak, returned: false, explain: "selftest.CaseCaller"},
		"unreported.go":    {runtime: oracle.RuntimeLeak, returned: true, mismatch: "a false negative", explain: "[chan send (leaked)]"},
		"falseneg.go":      {runtime: oracle.RuntimeLeak, returned: true},
		"stalefn.go":       {runtime: oracle.RuntimeLeak, returned: true, mismatch: "the analyzer now reports it"},
		"phantom.go":       {runtime: oracle.RuntimeNoLeak, returned: true, mismatch: "the analyzer reports a leak but the runtime sees none"},
		"global.go":        {runtime: oracle.RuntimeLeak, returned: true, explain: "selftest/global.go:8"},
		"globalprofile.go": {runtime: oracle.RuntimeLingering, returned: true, mismatch: "add //oracle:goleak", explain: "selftest/globalprofile.go:6"},
		"leftover.go":      {runtime: oracle.RuntimeLingering, returned: true, mismatch: "must leave nothing behind", explain: "time.Sleep"},
		"panics.go":        {runtime: oracle.RuntimeNoLeak, returned: true, mismatch: "CasePanics panicked: boom"},
		"wrongline.go":     {runtime: oracle.RuntimeLeak, returned: true, mismatch: "the `// want` for line 4 matches no leaked goroutine", explain: "block at selftest/wrongline.go:5"},
		"twoleaks.go":      {runtime: oracle.RuntimeLeak, returned: true, mismatch: "at selftest/twoleaks.go:7, is matched by no `// want`"},
		"remote.go":        {runtime: oracle.RuntimeLeak, returned: true},
	}
	cfg := oracle.RunConfig{Return: 500 * time.Millisecond, Settle: time.Second}
	for _, c := range cases {
		if c.Skip != "" {
			if c.Name() != "skipped.go" {
				t.Errorf("%s skipped: %s", c.Name(), c.Skip)
			}
			continue
		}
		want, ok := expects[c.Name()]
		if !ok {
			t.Errorf("no expectation for %s", c.Name())
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			t.Parallel()
			rep, err := bin.Run(t.Context(), c, cfg)
			if err != nil {
				t.Fatal(err)
			}
			j := oracle.Judge(c, rep)
			explanation := oracle.Explain(c, rep, j)
			t.Logf("runtime: %s\n%s", j.Runtime, explanation)
			if got := oracle.RuntimeVerdict(rep); got != want.runtime {
				t.Errorf("runtime verdict %q, want %q", got, want.runtime)
			}
			if rep.Returned != want.returned {
				t.Errorf("returned = %v, want %v", rep.Returned, want.returned)
			}
			switch {
			case want.mismatch == "" && j.Mismatch != "":
				t.Errorf("unexpected mismatch: %s", j.Mismatch)
			case want.mismatch != "" && !strings.Contains(j.Mismatch, want.mismatch):
				t.Errorf("mismatch %q, want it to contain %q", j.Mismatch, want.mismatch)
			}
			if want.explain != "" && !strings.Contains(explanation, want.explain) {
				t.Errorf("explanation does not contain %q", want.explain)
			}
			if j.Mismatch != "" && !strings.Contains(explanation, c.Path) {
				t.Errorf("explanation does not name the file %s", c.Path)
			}
		})
	}
}

// TestSelfCrash shows that a case crashing the process (a goroutine
// panicking) is reported rather than judged.
func TestSelfCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a corpus; skipped in -short mode")
	}
	requireGo(t)
	root, err := oracle.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "crash")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	src := `package crash

import "time"

func CaseCrash() {
	go func() { panic("kaboom") }()
	time.Sleep(time.Second)
}
`
	if err := os.WriteFile(filepath.Join(dir, "crash.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	cases, err := oracle.ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	bin, err := oracle.Build(t.Context(), oracle.BuildConfig{ModuleRoot: root, WorkDir: t.TempDir()}, "crash", dir, cases)
	if err != nil {
		t.Fatal(err)
	}
	_, err = bin.Run(t.Context(), cases[0], oracle.DefaultRunConfig)
	if err == nil || !strings.Contains(err.Error(), "kaboom") || !strings.Contains(err.Error(), "crash.go") {
		t.Errorf("Run error = %v, want the panic, naming the file", err)
	}
}

// TestBuildOnlySkipped shows that a corpus whose cases are all skipped still
// builds (and so is known to compile).
func TestBuildOnlySkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus; skipped in -short mode")
	}
	requireGo(t)
	root, err := oracle.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "skips")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	src := "package skips\n\n//oracle:skip type-checking only\n\nvar _ = 1\n"
	if err := os.WriteFile(filepath.Join(dir, "skip.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	cases, err := oracle.ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := oracle.Build(t.Context(), oracle.BuildConfig{ModuleRoot: root, WorkDir: t.TempDir()}, "skips", dir, cases); err != nil {
		t.Fatal(err)
	}
}
