// Package suppress implements leakvet's suppression directive,
//
//	//leakvet:ignore NAMES REASON
//
// which silences the findings of the named analyzers on the line of the
// directive and on the line below it. NAMES is an analyzer name, a
// comma-separated list of them (no spaces), or "all"; REASON is free text
// and is required. A directive is a line comment starting exactly with
// "//leakvet:ignore", at the end of a line of code or on a line of its own.
//
// Suppression lives in the analyzers themselves: a pass reports through
// [Report] instead of calling pass.Report, so every driver (go vet, the
// leakvet binary, golangci-lint, Bazel nogo, the language server) sees the
// same findings. A malformed directive (no names, no reason, or a name that
// is not an analyzer of the suite) suppresses nothing; the ignoredirective
// analyzer reports it, once per directive.
package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//leakvet:ignore"

// All is the name that stands for every analyzer.
const All = "all"

// suite holds the names of the analyzers of leakvet's suite, in the order
// of analyzers.Suite: the names a directive may use. They are written out
// here, not registered by package analyzers, because drivers such as Bazel
// nogo run the passes without that package, and must accept and reject
// the same directives. A test checks the list against analyzers.Suite.
var suite = []string{"rangeclose", "goroutineexit", "lostsignal", "ignoredirective", "budget"}

// Analyzers returns the names of the analyzers of the suite, the names a
// directive may use.
func Analyzers() []string { return slices.Clone(suite) }

// A Directive is one //leakvet:ignore comment.
type Directive struct {
	Pos    token.Pos // of the comment
	End    token.Pos
	Line   int      // of the comment
	Names  []string // as written
	Reason string

	// Problem says why the directive is malformed, or is "" when it is
	// well formed. A malformed directive suppresses nothing.
	Problem string
}

// Matches reports whether d is well formed and silences analyzer name.
func (d *Directive) Matches(name string) bool {
	return d.Problem == "" && (slices.Contains(d.Names, name) || slices.Contains(d.Names, All))
}

// Parse returns the directive of comment c, or nil when c is not one.
// Names are checked against [Analyzers].
func Parse(fset *token.FileSet, c *ast.Comment) *Directive {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil // not a directive, or another word such as //leakvet:ignored
	}
	d := &Directive{Pos: c.Pos(), End: c.End(), Line: fset.Position(c.Pos()).Line}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = "leakvet:ignore directive names no analyzer: write //leakvet:ignore <analyzer> <reason>"
		return d
	}
	d.Names = strings.Split(fields[0], ",")
	d.Reason = strings.TrimSpace(strings.TrimSpace(rest)[len(fields[0]):])
	var unknown []string
	for _, n := range d.Names {
		switch {
		case n == "":
			d.Problem = "leakvet:ignore directive has an empty analyzer name in " + fields[0]
			return d
		case n == All:
		case !slices.Contains(suite, n):
			unknown = append(unknown, n)
		}
	}
	switch {
	case len(unknown) == 1:
		d.Problem = "leakvet:ignore directive names unknown analyzer " + unknown[0] + " (analyzers: " + strings.Join(suite, ", ") + ")"
	case len(unknown) > 1:
		d.Problem = "leakvet:ignore directive names unknown analyzers " + strings.Join(unknown, ", ") + " (analyzers: " + strings.Join(suite, ", ") + ")"
	case d.Reason == "":
		d.Problem = "leakvet:ignore directive gives no reason: write //leakvet:ignore " + fields[0] + " <reason>"
	}
	return d
}

// Directives returns the directives of file f, in order.
func Directives(fset *token.FileSet, f *ast.File) []*Directive {
	var ds []*Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if d := Parse(fset, c); d != nil {
				ds = append(ds, d)
			}
		}
	}
	return ds
}

// Suppressed reports whether a well-formed directive on the line of pos,
// or on the line above, silences analyzer name. files are the files of
// the package.
func Suppressed(fset *token.FileSet, files []*ast.File, name string, pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	f := fileOf(files, pos)
	if f == nil {
		return false
	}
	line := fset.Position(pos).Line
	for _, cg := range f.Comments {
		// Only comments on the two lines that matter are parsed.
		if l := fset.Position(cg.End()).Line; l < line-1 {
			continue
		}
		if fset.Position(cg.Pos()).Line > line {
			break
		}
		for _, c := range cg.List {
			cl := fset.Position(c.Pos()).Line
			if cl != line && cl != line-1 {
				continue
			}
			if d := Parse(fset, c); d != nil && d.Matches(name) {
				return true
			}
		}
	}
	return false
}

func fileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Report reports d through pass.Report unless a //leakvet:ignore directive
// for pass.Analyzer silences it or it lies in a generated file. Passes call
// it instead of pass.Report.
func Report(pass *analysis.Pass, d analysis.Diagnostic) {
	if Suppressed(pass.Fset, pass.Files, pass.Analyzer.Name, d.Pos) || Generated(pass.Files, d.Pos) {
		return
	}
	pass.Report(d)
}

// Generated reports whether pos lies in a generated file (one with a
// "// Code generated ... DO NOT EDIT." comment, see ast.IsGenerated).
// Findings there are dropped: the fix belongs in the generator, and
// whoever runs leakvet cannot act on them in the file itself.
//
// Files rewritten by cgo carry such a comment ("Code generated by cmd/cgo")
// although their code is the user's own, mapped back by line directives:
// those are not generated for this purpose.
func Generated(files []*ast.File, pos token.Pos) bool {
	f := fileOf(files, pos)
	if f == nil || !ast.IsGenerated(f) {
		return false
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.Contains(c.Text, "Code generated by cmd/cgo") {
				return false
			}
		}
	}
	return true
}

// Reportf is like pass.Reportf, but honours //leakvet:ignore directives.
func Reportf(pass *analysis.Pass, pos token.Pos, format string, args ...any) {
	if Suppressed(pass.Fset, pass.Files, pass.Analyzer.Name, pos) || Generated(pass.Files, pos) {
		return
	}
	pass.Reportf(pos, format, args...)
}
