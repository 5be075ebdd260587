// Package budget defines an Analyzer that names the functions leakvet does
// not analyse because they are over its size budget.
//
// # Analyzer budget
//
// budget: report the functions too large to be analysed for leaks
//
// leakvet's passes follow every channel through the control-flow graph of
// the functions that use it. A function with more basic blocks than the
// size budget (20,000, about 40,000 lines of dense code; only generated
// state machines and parsers come near it) is not analysed at all: the
// passes treat it as unknown, and unknown means silence, so a leak in it
// is not reported, however simple.
//
// With -budget.report, this analyzer reports each such function, at its
// name, in the category "skipped":
//
//	machine.go:120:20: (*Machine).step is not analysed for leaks: its 23114 blocks are over the size budget of 20000
//
// Without the flag it reports nothing, because a skipped function is not a
// leak: under go vet, where every finding fails the run, ask for them with
//
//	go vet -vettool=$(command -v leakvet) -budget.report ./...
//
// The leakvet command asks for them itself and prints them apart from the
// findings: a count and the functions on standard error in text mode
// (they do not change the exit code), under the analyzer name "budget" in
// -json output, and as toolExecutionNotifications of level "warning" in a
// SARIF log.
//
// As findings are, reports are silenced by a //leakvet:ignore budget
// directive, and none is made in generated files, where no finding is
// reported either.
//
// The budget is set where analysing a function costs little beside what
// building its SSA form, paid whatever the budget, already costs: on a
// generated function of 16,000 blocks, the suite takes 1.4s of CPU and
// allocates 307 MiB, of which the analysis is 0.33s and 30 MiB
// (BenchmarkHugeFunction in leakvet's bench module).
package budget
