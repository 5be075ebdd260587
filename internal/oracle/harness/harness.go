// Package harness is the program side of the runtime oracle: the code that
// runs one corpus case inside a generated binary and reports what the Go
// runtime observed.
//
// The oracle (package github.com/leakvet/leakvet/internal/oracle) does not
// import the corpus; it copies this file, verbatim, into a temporary module
// next to a copy of the corpus and a generated main package that calls [Main]
// with the corpus' Case functions. The binary is built with the
// goroutineleakprofile experiment and run once per case, so that every case
// starts from a fresh runtime.
//
// This file must therefore import only the standard library and
// go.uber.org/goleak.
package harness

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"go.uber.org/goleak"
)

// Modes of judging a case, as passed with -mode.
const (
	// ModeProfile judges by the goroutineleak profile: a goroutine leaked if
	// the runtime proved it blocked forever on concurrency primitives that
	// no live goroutine can reach.
	ModeProfile = "profile"
	// ModeGoleak judges by goroutines still running once the case has
	// returned and goleak's retries are exhausted.
	ModeGoleak = "goleak"
)

// ProfileName is the name of the runtime/pprof profile that reports leaked
// goroutines.
const ProfileName = "goroutineleak"

// Report is what one run of a case observed. The binary writes it as JSON to
// the file named by -out (not to stdout, which belongs to the case).
type Report struct {
	Case string `json:"case"`
	Mode string `json:"mode"`

	// Error is set when the harness could not judge the case at all (for
	// example when the profile is unavailable). The other fields are then
	// not meaningful.
	Error string `json:"error,omitempty"`

	// Returned reports whether the Case function returned within the
	// return timeout. If it did not, its goroutine is itself a leak
	// candidate.
	Returned bool `json:"returned"`
	// Panic is the value the Case function panicked with, if it did.
	Panic string `json:"panic,omitempty"`

	// BaselineLeaked is the number of leaked goroutines the profile
	// reported before the case started (goroutines leaked by package
	// initialization). It should be zero.
	BaselineLeaked int `json:"baselineLeaked"`
	// Leaked is the number of leaked goroutines the goroutineleak profile
	// reported at the last check.
	Leaked int `json:"leaked"`
	// LeakedStacks holds the traceback of every goroutine the profile
	// reported as leaked.
	LeakedStacks []string `json:"leakedStacks,omitempty"`

	// Lingering is the number of goroutines, other than the harness' own,
	// that goleak still found at the last check (leaked ones included).
	// In profile mode it is not measured once the profile has proven a
	// leak.
	Lingering int `json:"lingering"`
	// LingeringStacks is goleak's description of those goroutines.
	LingeringStacks string `json:"lingeringStacks,omitempty"`
	// AllStacks, when goroutines linger, is the traceback of every
	// goroutine at that moment, with the ancestors' stacks that
	// GODEBUG=tracebackancestors adds (goleak prints only their own).
	AllStacks string `json:"allStacks,omitempty"`

	// Checks is how many times the profile was collected.
	Checks int `json:"checks"`
	// Elapsed is the wall time from starting the case to the verdict.
	Elapsed time.Duration `json:"elapsed"`
}

// Main is the entry point of the generated binary. It parses the command
// line, runs the requested case and writes its [Report]. It exits with
// status 2 on usage errors; otherwise with status 0, whatever the case did.
func Main(cases map[string]func()) {
	fs := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	name := fs.String("case", "", "name of the Case function to run")
	mode := fs.String("mode", ModeProfile, "how to judge a leak: "+ModeProfile+" or "+ModeGoleak)
	out := fs.String("out", "", "file to write the JSON report to")
	returnTimeout := fs.Duration("return", 1500*time.Millisecond, "how long to wait for the Case function to return")
	settle := fs.Duration("settle", 2*time.Second, "how long to keep looking for a leak once the case has returned (or timed out)")
	list := fs.Bool("list", false, "print the known case names and exit")
	_ = fs.Parse(os.Args[1:])

	if *list {
		for name := range cases {
			fmt.Println(name)
		}
		return
	}
	if *out == "" || fs.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: -case CaseName -out report.json [-mode profile|goleak]")
		os.Exit(2)
	}

	rep := Report{Case: *name, Mode: *mode}
	f, ok := cases[*name]
	switch {
	case !ok:
		rep.Error = fmt.Sprintf("no case named %q in this binary", *name)
	case *mode != ModeProfile && *mode != ModeGoleak:
		rep.Error = fmt.Sprintf("unknown mode %q", *mode)
	default:
		rep = Run(*name, f, *mode, *returnTimeout, *settle)
	}

	data, err := json.MarshalIndent(rep, "", "\t")
	if err == nil {
		err = os.WriteFile(*out, data, 0o666)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(2)
	}
}

// Run runs f, the case called name, in a goroutine of its own and judges
// whether it leaked goroutines.
//
// It waits up to returnTimeout for f to return, then keeps checking for up to
// settle more. It stops as soon as the verdict cannot change any more: either
// the profile reports a leaked goroutine (leaked goroutines stay blocked
// forever), or no goroutine other than the harness' own is left (so nothing
// can leak later).
func Run(name string, f func(), mode string, returnTimeout, settle time.Duration) Report {
	rep := Report{Case: name, Mode: mode}
	prof := pprof.Lookup(ProfileName)
	if prof == nil {
		rep.Error = "runtime/pprof has no " + ProfileName + " profile: build with GOEXPERIMENT=goroutineleakprofile"
		return rep
	}
	n, _, err := checkProfile(prof)
	if err != nil {
		rep.Error = err.Error()
		return rep
	}
	rep.BaselineLeaked = n
	// Goroutines that exist before the case (started by package
	// initialization) are not the case's doing.
	ignoreBefore := goleak.IgnoreCurrent()
	baseGoroutines := runtime.NumGoroutine()

	start := time.Now()
	done := make(chan struct{})
	var panicked string
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = fmt.Sprint(r)
			}
			close(done)
		}()
		f()
	}()

	// Wait for the case to return, looking at the profile meanwhile: a
	// goroutine found leaked stays leaked, so there is no need to wait for
	// the timeout then.
	returnDeadline := time.Now().Add(returnTimeout)
	delay := time.Millisecond
	for {
		timer := time.NewTimer(delay)
		select {
		case <-done:
			timer.Stop()
			rep.Returned = true
			rep.Panic = panicked
		case <-timer.C:
		}
		if rep.Returned || !time.Now().Before(returnDeadline) {
			break
		}
		n, stacks, err := checkProfile(prof)
		if err != nil {
			rep.Error = err.Error()
			return rep
		}
		rep.Checks++
		rep.Leaked, rep.LeakedStacks = n, stacks
		if n > rep.BaselineLeaked {
			break
		}
		delay = min(2*delay, 50*time.Millisecond)
	}

	// Settle: the case has returned (or will not), but goroutines it
	// started may still be on their way to the point where they block, or
	// to their end. Poll the profile until it proves a leak, or until no
	// goroutine but those from before the case is left, or until the
	// deadline.
	settleDeadline := time.Now().Add(settle)
	delay = time.Millisecond
	for {
		n, stacks, err := checkProfile(prof)
		if err != nil {
			rep.Error = err.Error()
			return rep
		}
		rep.Checks++
		rep.Leaked, rep.LeakedStacks = n, stacks
		if n > rep.BaselineLeaked {
			// Proven leaked, and leaked goroutines never run again.
			// The case's other goroutines may still be on their way
			// to leaking too: wait for them to leak or end, so that
			// every leaked goroutine is in the report.
			if n-rep.BaselineLeaked < runtime.NumGoroutine()-baseGoroutines && time.Now().Before(settleDeadline) {
				time.Sleep(delay)
				delay = min(2*delay, 50*time.Millisecond)
				continue
			}
			if mode == ModeGoleak {
				rep.Lingering, rep.LingeringStacks = lingering(ignoreBefore)
			}
			break
		}
		if runtime.NumGoroutine() <= baseGoroutines || !time.Now().Before(settleDeadline) {
			// Ask goleak for the final word, with its retries; they
			// give stragglers more time, so look at the profile once
			// more if goroutines are still there.
			rep.Lingering, rep.LingeringStacks = lingering(ignoreBefore)
			if rep.Lingering > 0 {
				n, stacks, err := checkProfile(prof)
				if err != nil {
					rep.Error = err.Error()
					return rep
				}
				rep.Checks++
				rep.Leaked, rep.LeakedStacks = n, stacks
			}
			break
		}
		time.Sleep(delay)
		delay = min(2*delay, 50*time.Millisecond)
	}
	if rep.Lingering > 0 {
		rep.AllStacks = allStacks()
	}
	if !rep.Returned {
		select {
		case <-done: // late, but it did return
			rep.Returned = true
			rep.Panic = panicked
		default:
		}
	}
	rep.Elapsed = time.Since(start)
	return rep
}

// checkProfile runs a leak-detecting GC cycle and returns the number of
// leaked goroutines with their stacks. WriteTo must run before Count: it is
// WriteTo that runs the detecting cycle, and Count only reports the result
// of the last one. An error means there is no verdict: it must not read as
// "no goroutine leaked".
func checkProfile(prof profile) (int, []string, error) {
	var buf bytes.Buffer
	// debug=2 prints every goroutine, leaked ones marked "(leaked)", in
	// the format of a panic traceback, which is the most useful to read.
	if err := prof.WriteTo(&buf, 2); err != nil {
		return 0, nil, fmt.Errorf("writing the %s profile: %v", ProfileName, err)
	}
	n := prof.Count()
	var stacks []string
	for _, g := range strings.Split(buf.String(), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if strings.HasPrefix(header, "goroutine ") && strings.Contains(header, "(leaked)") {
			stacks = append(stacks, strings.TrimSpace(g))
		}
	}
	return n, stacks, nil
}

// profile is the part of *pprof.Profile that checkProfile uses.
type profile interface {
	WriteTo(w io.Writer, debug int) error
	Count() int
}

// lingering reports the goroutines still running besides the harness' own
// (and those ignored), as goleak sees them after its usual retries.
func lingering(ignore goleak.Option) (int, string) {
	err := goleak.Find(ignore)
	if err == nil {
		return 0, ""
	}
	msg := err.Error()
	n := strings.Count(msg, "Goroutine ")
	if n == 0 {
		// Not the format this code knows; still not clean.
		n = 1
	}
	return n, msg
}

// allStacks returns the traceback of every goroutine.
func allStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
