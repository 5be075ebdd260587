/*
Leakvet reports goroutine leaks: goroutines that can never finish because
they wait forever for something that no code will ever do, such as closing
the channel they range over.

Usage:

	leakvet [flags] packages
	go vet -vettool=$(command -v leakvet) [flags] packages
	leakvet -format=sarif [analyzer flags] packages
	leakvet lsp [analyzer flags]
	leakvet test [-json | -format=sarif] [go test flags] [packages]
	leakvet help [analyzer | test]

Run standalone, leakvet analyzes the packages named by the go list
patterns (./... for a whole module) and prints each finding on stderr as
"/abs/file.go:line:col: message", followed by one indented line per
related position (where the channel was made, where the goroutine was
started). A plain run (patterns, with -json or analyzer flags at most)
runs "go vet -vettool=" with leakvet itself and prints what it finds: go
vet analyzes one package per process, so memory stays that of the
largest package, and caches results per package, so a second run is
nearly free; each finding is printed once, although go vet analyzes a
package and its test variant separately. Other flags (-c, -fix, -diff,
-format, ...) load and analyze the packages and their dependencies in
this process, which takes more memory on large modules; setting
LEAKVET_INPROCESS=1 does so for every run. Run by go vet, leakvet prints
the same lines with paths relative to the current directory. Both forms
accept the flags listed below, except that go vet rejects -debug,
-cpuprofile, -memprofile and -trace.

By default every analyzer runs. -NAME runs only the analyzers named with
such flags; -NAME=false runs all analyzers except that one.

With -json, findings are written to stdout as one JSON object per run
(standalone) or per package (go vet), of the form

	{"package ID": {"analyzer": [{"posn": "file:line:col", "message": "...", "related": [...], "suggested_fixes": [...]}]}}

or {"package ID": {"analyzer": {"error": "..."}}} when an analyzer
failed. With -c N, each finding is followed by its source line and N
lines of context. With -fix, the suggested fixes are applied to the
files; with -fix -diff, they are printed as a unified diff instead.

With -format=sarif (standalone only), findings are written to stdout as
a SARIF 2.1.0 log for code scanning services: one rule per analyzer, one
result per finding, with its region, related locations and fixes.
-format=json is -json, and -format=text the default.

"leakvet lsp" is a Language Server Protocol server for editors, on stdin
and stdout: it runs go vet with this binary on the package of each Go
file opened or saved, publishes the findings as diagnostics, and offers
their fixes as quick-fix code actions.

"leakvet test" runs the packages' own tests with the runtime's goroutine
leak profile and marks each finding confirmed (a test leaked a goroutine
there) or not triggered, and lists the leaks no finding explains; "leakvet
help test" prints its manual.

A finding is silenced by a comment on its line or the line above,
"//leakvet:ignore NAME reason", where NAME is an analyzer, a
comma-separated list of them, or "all", and the reason is required. The
ignoredirective analyzer reports malformed directives.

# Exit codes

Standalone:

	0  no findings
	1  an error: a package could not be loaded or type-checked, or an
	   analyzer failed
	2  a bad command line: unknown flag or invalid flag value
	3  findings, and no error

With -json, -format=sarif, or -fix (and -diff), the exit code is 0 even
when there are findings; it is 1 when a package could not be loaded or
type-checked (with -format=sarif, the log is still written and records
the errors).

"leakvet lsp" exits 0 after the editor's shutdown request and exit
notification, 1 when the connection ends without them, and 2 for a bad
flag.

Under go vet, the exit code is the go command's: 0 when there are no
findings, 1 when there are findings or a package could not be built, 2
for a flag that go vet does not accept. With -json, and with -fix, it is 0
even when there are findings; with -fix -diff it is 1 when the diff is not
empty.
*/
package main
