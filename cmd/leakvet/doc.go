/*
Leakvet reports goroutine leaks: goroutines that can never finish because
they wait forever for something that no code will ever do, such as closing
the channel they range over.

Usage:

	leakvet [flags] [build flags] packages
	go vet -vettool="$(command -v leakvet || echo leakvet-not-installed)" [flags] packages
	leakvet -format=sarif [analyzer flags] [build flags] packages
	leakvet lsp [analyzer flags]
	leakvet test [-json | -format=sarif] [go test flags] [packages]
	leakvet help [analyzer | test]
	leakvet -V[=full]

Run standalone, leakvet analyzes the packages named by the go list
patterns (./... for a whole module) and prints each finding on stderr as
"file.go:line:col: message", followed by one indented line per related
position (where the channel was made, where the goroutine was started).
File names are relative to the current directory when that is shorter,
as go vet prints them. Flags go before the packages.

A standalone run executes "go vet -vettool=" with leakvet itself and
prints what it finds: go vet analyzes one package per process, so memory
stays that of the largest package, and caches results per package, so a
second run is nearly free; each finding is printed once, although go vet
analyzes a package and its test variant separately. This holds for the
text output, -c, -json, -format=sarif, -fix and -fix -diff, with
analyzer flags and build flags. Other flags (-test=false, -cpuprofile,
...) load and analyze the packages and their dependencies in this
process, which takes more memory on large modules; setting
LEAKVET_INPROCESS=1 does so for every run. Run by go vet, leakvet prints
the same lines with paths relative to the current directory. Both forms
accept the flags listed below, except that go vet rejects -debug,
-cpuprofile, -memprofile and -trace.

The go command's build flags (-tags, -mod, -modfile, -overlay, -race,
-C and the others of "go help build") select and load the packages as
they do for go vet, in every mode: they reach the go commands leakvet
starts through GOFLAGS, after the environment's own.

Under go vet, an empty -vettool= means go vet's own analyzers: the
guard above turns a missing leakvet into an error instead. -V prints the
version of the binary; -V=full adds the hash of the binary that go vet
keys its cache with.

By default every analyzer runs. -NAME runs only the analyzers named with
such flags; -NAME=false runs all analyzers except that one.

With -json, findings are written to stdout as one JSON object per run
(standalone) or per package (go vet), of the form

	{"package ID": {"analyzer": [{"posn": "file:line:col", "message": "...", "related": [...], "suggested_fixes": [...]}]}}

or {"package ID": {"analyzer": {"error": "..."}}} when an analyzer
failed. With -c N, each finding is followed by its source line and N
lines of context. With -fix, the suggested fixes are applied to the
files, and the findings that remain (those without a fix, and those
whose fix conflicts with another) are printed, followed by their count;
with -fix -diff, the fixes are printed as a unified diff on stdout
instead, and the findings without a fix are printed and counted. As with
go vet, -diff without -fix is an error.

With -format=sarif (standalone only), findings are written to stdout as
a SARIF 2.1.0 log for code scanning services: one rule per analyzer, one
result per finding, with its region, related locations and fixes.
-format=json is -json, and -format=text the default.

A function over the size budget (20,000 basic blocks) is not analysed.
Every standalone run names such functions apart from the findings,
without changing the exit code: on stderr after the findings in text
mode, under the analyzer "budget" with category "skipped" with -json, and
as toolExecutionNotifications of level "warning" with -format=sarif.
Under go vet, and in the runs this process serves itself (-test=false,
-cpuprofile, ...), they are named, as findings, only with -budget.report.
-budget.report=false, or -budget=false, turns the report off.

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
	2  a bad command line: unknown flag, invalid flag value, flags
	   that cannot go together, a flag after the packages, or no
	   packages
	3  findings, and no error

With -json or -format=sarif, the exit code is 0 even when there are
findings; it is 1 when a package could not be loaded or type-checked or
an analyzer failed (with -format=sarif, the log is still written and
records every error). With -fix, it is 3 when findings remain after the
fixes; with -fix -diff, 3 when the diff is not empty or findings have no
fix. -fix changes no file when a package cannot be analyzed.

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
