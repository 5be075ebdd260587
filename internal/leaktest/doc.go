// Package leaktest implements "leakvet test": it runs packages' own tests
// with the Go runtime's goroutine leak profile and judges leakvet's static
// findings for the same packages against what the tests leaked.
//
// # How the tests are observed
//
// The user's code is not changed. go test gets an overlay that adds one
// file (hook.go.txt, generated per package) to each package with tests. Its
// init function registers an exit hook with the runtime
// (internal/runtime/exithook, reached by go:linkname, hence
// -ldflags=-checklinkname=0): the only place that runs after the tests
// whatever the package's TestMain does, including os.Exit(m.Run()). A
// TestMain wrapper added by the overlay would clash with the package's
// own; a -exec wrapper runs in another process and cannot read the
// profile; a last test added to the package is filtered out by -run and
// runs before the parallel tests end.
//
// The hook writes the goroutineleak profile (debug=2: every goroutine, the
// leaked ones marked) to $LEAKVET_TEST_DIR/<pid>.json. With
// GODEBUG=tracebackancestors the dump also holds the stacks of the
// goroutines that started each one, so a leaked goroutine is traced to the
// test whose goroutine started it. Without the profile (a toolchain built
// without the experiment), the hook writes the goroutines still there at
// exit after a grace period, as goleak would find them.
//
// # Judging
//
// Leaked goroutines are grouped into sites (blocking statement, go
// statement). A finding is confirmed when a site blocks on a line it
// covers or at a related position (for lostsignal, also when the site's go
// statement is at the finding or a related position); the other findings
// are not triggered, and the sites no finding explains are runtime only.
//
// The manual of the command is usage.txt, printed by "leakvet help test".
package leaktest
