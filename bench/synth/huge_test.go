package synth_test

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/bench/synth"
	"github.com/leakvet/leakvet/internal/ssaidiom"
	"github.com/leakvet/leakvet/passes/chanflow"
	"github.com/leakvet/leakvet/passes/goroutineexit"
	"github.com/leakvet/leakvet/passes/lostsignal"
	"github.com/leakvet/leakvet/passes/rangeclose"
)

// loadHuge type-checks synth.Huge(lines).
func loadHuge(tb testing.TB, lines int) (*packages.Package, int) {
	tb.Helper()
	src := synth.Huge(lines)
	pkg, err := synth.NewLoader().Load(synth.Source{Path: "huge", Files: map[string]string{"huge.go": src}})
	if err != nil {
		tb.Fatalf("generated package does not type-check: %v", err)
	}
	return pkg, strings.Count(src, "\n")
}

// TestHuge checks that every leak of a function of 13,500 lines (6,753
// blocks, once beyond the size budget and then skipped without a word) is
// reported: one per case of its switch, the sender at its top, and the
// range over the channel every case sends on.
func TestHuge(t *testing.T) {
	const lines = 13500
	pkg, _ := loadHuge(t, lines)
	res, err := synth.Analyze(analyzers.Suite, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if want := synth.HugeCases(lines) + 2; res.Diagnostics != want {
		t.Errorf("%d diagnostics, want %d", res.Diagnostics, want)
	}
}

// BenchmarkHugeFunction measures what analysing one huge function costs:
// time and allocation per run on synth.Huge(lines), of the whole suite
// (pass=suite) and of each pass alone with its requirements (chanflow
// includes building the package's SSA, which is paid whatever the budget:
// a pass's own cost is its figure less chanflow's), with the size budget
// lifted (budget=none) and at zero (budget=0, where every function is
// skipped: what is left is building SSA and the passes' setup). cpu-ms/op, the process's CPU time per run, is
// steadier than wall time on a busy machine. It is how ssaidiom.MaxBlocks
// was chosen; pipe one series to "go run ./cmd/slope" for the fit:
//
//	go test -run '^$' -bench 'HugeFunction/budget=none/pass=suite' -cpu 1 ./synth | go run ./cmd/slope
func BenchmarkHugeFunction(b *testing.B) {
	sets := []struct {
		name string
		as   []*analysis.Analyzer
	}{
		{"suite", analyzers.Suite},
		{"chanflow", []*analysis.Analyzer{chanflow.Analyzer}},
		{"rangeclose", []*analysis.Analyzer{rangeclose.Analyzer}},
		{"goroutineexit", []*analysis.Analyzer{goroutineexit.Analyzer}},
		{"lostsignal", []*analysis.Analyzer{lostsignal.Analyzer}},
	}
	for _, budget := range []struct {
		name string
		max  int
	}{{"none", 1 << 30}, {"0", 0}} {
		for _, set := range sets {
			for _, lines := range []int{2000, 4000, 8000, 16000, 32000} {
				pkg, n := loadHuge(b, lines)
				b.Run(fmt.Sprintf("budget=%s/pass=%s/lines=%d", budget.name, set.name, n), func(b *testing.B) {
					defer func(max int) { ssaidiom.MaxBlocks = max }(ssaidiom.MaxBlocks)
					ssaidiom.MaxBlocks = budget.max
					b.ReportAllocs()
					cpu0 := cpuTime()
					for b.Loop() {
						res, err := synth.Analyze(set.as, pkg)
						if err != nil || len(res.Errors) > 0 {
							b.Fatal(err, res.Errors)
						}
					}
					b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
				})
			}
		}
	}
}

// cpuTime returns the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
