// Package leakprofile holds what the runtime oracle and `leakvet test` both
// need to use the Go runtime's goroutine leak profile: the environment that
// builds a program with it, and a reader for the goroutine dumps it writes.
//
// Since Go 1.26 the runtime can prove goroutines leaked: with
// GOEXPERIMENT=goroutineleakprofile (on by default from Go 1.27), writing
// the "goroutineleak" profile of runtime/pprof runs a garbage collection
// that finds the goroutines blocked on concurrency primitives that no
// runnable goroutine can reach. Written with debug=2, the profile is a dump
// of every goroutine in the format of a panic traceback, in which the
// leaked ones carry "(leaked)" in their header.
package leakprofile

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"strings"
)

// ProfileName is the name of the runtime/pprof profile that reports leaked
// goroutines.
const ProfileName = "goroutineleak"

// Experiment is the GOEXPERIMENT setting that enables the profile.
const Experiment = "goroutineleakprofile"

// BuildEnv returns the environment for building a program that can write
// the profile: the current one, outside any workspace, with the experiment
// added to whatever GOEXPERIMENT is in effect, unless it is already on.
func BuildEnv(ctx context.Context) ([]string, error) {
	env := append(os.Environ(), "GOWORK=off")
	cmd := exec.CommandContext(ctx, "go", "env", "GOEXPERIMENT")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOEXPERIMENT: %v", err)
	}
	exp := strings.TrimSpace(string(out))
	if ExperimentOn(exp) {
		return env, nil
	}
	if pprof.Lookup(ProfileName) != nil && !slices.Contains(strings.Split(exp, ","), "no"+Experiment) {
		// This toolchain has the profile without being asked for it:
		// the experiment is on by default (and may not even exist as
		// a setting any more).
		return env, nil
	}
	if exp != "" {
		exp += ","
	}
	return append(env, "GOEXPERIMENT="+exp+Experiment), nil
}

// ExperimentOn reports whether a GOEXPERIMENT value enables the experiment
// (the last mention wins).
func ExperimentOn(goexperiment string) bool {
	on := false
	for _, e := range strings.Split(goexperiment, ",") {
		switch strings.TrimSpace(e) {
		case Experiment:
			on = true
		case "no" + Experiment, "none":
			on = false
		}
	}
	return on
}

// LookupEnv returns the value of key in env, the last setting winning, or
// "" if it is not set.
func LookupEnv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], key+"="); ok {
			return v
		}
	}
	return ""
}
