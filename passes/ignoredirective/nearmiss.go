package ignoredirective

import (
	"regexp"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/internal/suppress"
)

// spaced matches a line comment that spells the directive with blanks in
// it: "// leakvet:ignore", "//leakvet: ignore", "// leakvet : ignore", in
// any letter case. Group 1 is the directive as written, group 2 what
// follows it.
var spaced = regexp.MustCompile(`(?i)^(//[ \t]*leakvet[ \t]*:[ \t]*ignore)(?:[ \t]+(.*))?$`)

// nameList matches what a directive's first field looks like when the
// suite's names are not known: lower-case words separated by commas.
var nameList = regexp.MustCompile(`^[a-z][a-z0-9]*(,[a-z][a-z0-9]*)*$`)

// nearMiss reports whether comment text looks like a //leakvet:ignore
// directive misspelled with blanks, which silences nothing, and returns the
// directive as written. As vet's buildtag does for "// +build", only a
// comment that starts with the near miss counts, and only when it reads as
// a directive: followed by nothing, or by analyzer names. Prose that
// mentions the directive ("// leakvet:ignore with a space is ...") is left
// alone.
func nearMiss(text string) (string, bool) {
	if strings.HasPrefix(text, suppress.Prefix) {
		return "", false // the directive itself, or another word
	}
	m := spaced.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	fields := strings.Fields(m[2])
	if len(fields) == 0 {
		return m[1], true
	}
	suite := suppress.Analyzers()
	if suite == nil {
		return m[1], nameList.MatchString(fields[0])
	}
	for _, n := range strings.Split(fields[0], ",") {
		if n != suppress.All && !slices.Contains(suite, n) {
			return "", false
		}
	}
	return m[1], true
}
