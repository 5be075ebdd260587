// Package ignoredirective defines an Analyzer that reports malformed
// //leakvet:ignore directives.
//
// # Analyzer ignoredirective
//
// ignoredirective: report malformed //leakvet:ignore directives
//
// A finding of a leakvet analyzer is silenced by a directive on its line
// or on the line above:
//
//	//leakvet:ignore rangeclose the producer is a daemon that never stops
//	for job := range jobs {
//
// The directive names one analyzer, a comma-separated list of analyzers
// (rangeclose,goroutineexit), or all of them (all), and gives a reason,
// which is required. A directive that names no analyzer, names one that
// leakvet does not have, or gives no reason silences nothing, and this
// analyzer reports it, once, at the directive:
//
//	//leakvet:ignore rangeclose
//	// leakvet:ignore directive gives no reason: write //leakvet:ignore rangeclose <reason>
//
//	//leakvet:ignore rangeclos the producer never stops
//	// leakvet:ignore directive names unknown analyzer rangeclos (analyzers: ...)
//
// The directive must be a line comment that starts exactly with
// "//leakvet:ignore", with no space after the slashes, as for other Go
// directives. A line comment that starts with the directive spelled with
// blanks ("// leakvet:ignore", "//leakvet: ignore", "// leakvet :ignore")
// and goes on with analyzer names, or with nothing, silences nothing
// either; this analyzer reports it, as vet's buildtag reports a
// "// +build" line it cannot use:
//
//	// leakvet:ignore rangeclose the producer never stops
//	// // leakvet:ignore is not a directive and silences nothing: write //leakvet:ignore, with no blanks
//
// A comment that only mentions the directive, in prose, is not reported.
// The directive is recognised by every leakvet front end: go vet, the
// leakvet command, the golangci-lint plugin (where //nolint:leakvet also
// works), the language server, and Bazel nogo.
package ignoredirective
