#!/usr/bin/env bash
# wantsweep.sh ANALYZER: shows that the evidence can fail. For each positive
# case of testdata/src/ANALYZER, it deletes the case's // want comments and
# checks that both the analyzer's test (analysistest) and the runtime oracle
# then fail, and restores the file. Cases the oracle skips (//oracle:skip)
# are only caught by analysistest. Takes a few seconds per case.
set -u
a=${1:?usage: wantsweep.sh ANALYZER}
cd "$(dirname "$0")/../.."
bak=$(mktemp)
# f is the case whose // want comments are stripped, while one is: on any
# exit, Ctrl-C included, it is restored before the backup is removed.
f=
restore() {
	if [ -n "$f" ]; then
		cp "$bak" "$f" && f=
	fi
	rm -f "$bak"
}
trap restore EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
caught=0 missed=0
for c in $(grep -l '// want ["`]' "testdata/src/$a"/*.go | grep -v _test.go); do
	b=$(basename "$c")
	cp "$c" "$bak"
	f=$c
	sed -i -E 's#[[:space:]]*// want ["`].*$##' "$f"
	go test -count=1 "./passes/$a" >/dev/null 2>&1
	at=$?
	go test -count=1 ./internal/oracle -run "TestOracle/$a/${b//./\\.}\$" >/dev/null 2>&1
	ot=$?
	cp "$bak" "$f"
	f=
	if [ $at -ne 0 ] && [ $ot -ne 0 ]; then
		caught=$((caught + 1))
	else
		missed=$((missed + 1))
		echo "not caught by both: $b (analysistest exit $at, oracle exit $ot)"
	fi
done
echo "$a: $caught positives caught by both tests, $missed not"
