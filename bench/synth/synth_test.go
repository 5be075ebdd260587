package synth_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/bench/synth"
)

// analyzeRandom builds the random program of data and runs the suite on it.
// The program must type-check (or the generator is wrong), and no action
// may fail. A panic in an analyzer crashes the test.
func analyzeRandom(t *testing.T, data []byte) synth.Result {
	t.Helper()
	lib, app := synth.Random(data)
	l := synth.NewLoader()
	libPkg, err := l.Load(lib)
	if err != nil {
		t.Fatalf("generated library does not type-check: %v\n%s", err, lib.Files["lib.go"])
	}
	appPkg, err := l.Load(app)
	if err != nil {
		t.Fatalf("generated program does not type-check: %v\n%s", err, app.Files["app.go"])
	}
	res, err := synth.Analyze(analyzers.Suite, libPkg, appPkg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("analysis failed: %v\n%s\n%s", res.Errors, lib.Files["lib.go"], app.Files["app.go"])
	}
	return res
}

// TestRandomPrograms runs the suite on random programs made from
// pseudo-random bytes, the same ones on every run.
func TestRandomPrograms(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 30
	}
	rng := rand.New(rand.NewPCG(1, 2))
	diags := 0
	for i := range n {
		data := make([]byte, rng.IntN(400))
		for j := range data {
			data[j] = byte(rng.Uint32())
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			diags += analyzeRandom(t, data).Diagnostics
		})
	}
	// The programs are full of leaks: a suite that finds none of them is
	// not running.
	if diags == 0 {
		t.Errorf("no diagnostic on %d random programs", n)
	}
	t.Logf("%d diagnostics on %d programs", diags, n)
}

// FuzzSuite feeds programs built from the fuzzer's bytes through the suite:
//
//	go test -fuzz=FuzzSuite -fuzztime=5m ./synth
func FuzzSuite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("goroutines and channels"))
	f.Add([]byte{4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5})
	f.Add([]byte(strings.Repeat("\x06\x02\x0e\x13\x14\x05\x0c", 20)))
	f.Fuzz(func(t *testing.T, data []byte) {
		analyzeRandom(t, data)
	})
}

// TestScaled checks that the scaling benchmark's package type-checks and
// that the suite finds its leaks: one unit has a range over a channel that
// is never closed and a forgotten sender.
func TestScaled(t *testing.T) {
	pkg, err := synth.NewLoader().Load(synth.Source{Path: "scaled", Files: map[string]string{"scaled.go": synth.Scaled(2)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := synth.Analyze(analyzers.Suite, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if res.Diagnostics == 0 {
		t.Errorf("no diagnostic on the scaled package")
	}
	t.Logf("%d diagnostics on 2 units", res.Diagnostics)
}

// BenchmarkScaling runs the suite on packages of growing size, made of the
// same units. Cost grows linearly with size when ns/line stays flat; pipe
// the output to "go run ./cmd/slope" for the fit:
//
//	go test -run '^$' -bench Scaling -count 3 ./synth | go run ./cmd/slope
func BenchmarkScaling(b *testing.B) {
	for _, units := range []int{25, 50, 100, 200, 400, 800} {
		src := synth.Scaled(units)
		lines := strings.Count(src, "\n")
		pkg, err := synth.NewLoader().Load(synth.Source{Path: "scaled", Files: map[string]string{"scaled.go": src}})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := synth.Analyze(analyzers.Suite, pkg)
				if err != nil || len(res.Errors) > 0 {
					b.Fatal(err, res.Errors)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
		})
	}
}

// FuzzSource feeds the corpus files of leakvet's own tests, mutated by the
// fuzzer, through the suite. Mutations that no longer parse or type-check
// are dropped; the rest must not make any analyzer fail or panic.
//
//	go test -fuzz=FuzzSource -fuzztime=5m ./synth
func FuzzSource(f *testing.F) {
	files, err := filepath.Glob("../../testdata/src/*/*.go")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pkg, err := synth.NewLoader().Load(synth.Source{Path: "fuzzed", Files: map[string]string{"fuzzed.go": string(src)}})
		if err != nil {
			return // not a Go package of its own
		}
		res, err := synth.Analyze(analyzers.Suite, pkg)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("analysis failed: %v\n%s", res.Errors, src)
		}
	})
}
