package oracle_test

import (
	"errors"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/internal/oracle"
)

func TestParseFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		// want is the expected case, ignoring Path; errs are substrings
		// the error must contain, one per expected problem.
		want oracle.Case
		errs []string
	}{
		{
			name: "leak",
			src: `package p

func CaseLeak() {
	ch := make(chan int)
	go func() { ch <- 1 }() // want "goroutine leaks"
}`,
			want: oracle.Case{Func: "CaseLeak", Want: true},
		},
		{
			name: "no leak",
			src: `package p

// CaseClean wants nothing.
func CaseClean() {
	s := "// want \"not a comment\""
	_ = s
}

func helper(x int) int { return x }`,
			want: oracle.Case{Func: "CaseClean"},
		},
		{
			name: "want forms",
			src: `package p

func CaseForms() {
	_ = 1 /* want "block comment" */
}`,
			want: oracle.Case{Func: "CaseForms", Want: true},
		},
		{
			name: "want after comment on comment",
			src: `package p

func CaseNested() {
	_ = 1 // note // want ` + "`raw string`" + `
}`,
			want: oracle.Case{Func: "CaseNested", Want: true},
		},
		{
			name: "want with line offset",
			src: `package p

// want +1 "next line"
func CaseOffset() {}`,
			want: oracle.Case{Func: "CaseOffset", Want: true},
		},
		{
			name: "fact expectations are not diagnostics",
			src: `package p

func CaseFact() {} // want CaseFact:"closes"`,
			want: oracle.Case{Func: "CaseFact"},
		},
		{
			name: "malformed want",
			src: `package p

// wanted: a better name
func CaseWanted() {}`,
			want: oracle.Case{Func: "CaseWanted"},
			errs: []string{"x.go:3:1: in 'want' comment: got Ident, want regular expression"},
		},
		{
			name: "methods named Case are not cases",
			src: `package p

type T struct{}

func (T) CaseMethod() {}

func CaseReal() {}`,
			want: oracle.Case{Func: "CaseReal"},
		},
		{
			name: "directives",
			src: `package p

//oracle:goleak the channel is a global
//oracle:falsenegative	the analyzer does not follow maps

var ch = make(chan int)

func CaseGlobal() {
	go func() { <-ch }()
}`,
			want: oracle.Case{Func: "CaseGlobal", Goleak: "the channel is a global", FalseNegative: "the analyzer does not follow maps"},
		},
		{
			name: "skip",
			src: `package p

import "unsafe"

//oracle:skip only exercises unsafe conversions in the type checker
var _ = unsafe.Sizeof(0)`,
			want: oracle.Case{Skip: "only exercises unsafe conversions in the type checker"},
		},
		{
			name: "directive inside a function",
			src: `package p

func CaseInside() {
	//oracle:goleak the worker is parked in time.Sleep
	_ = 1
}`,
			want: oracle.Case{Func: "CaseInside", Goleak: "the worker is parked in time.Sleep"},
		},
		{
			name: "no Case function",
			src: `package p

func run() {}`,
			errs: []string{"x.go:1:1: no Case function"},
		},
		{
			name: "two Case functions",
			src: `package p

func CaseA() {}
func CaseB() {}`,
			errs: []string{"x.go:4:1: more than one Case function (CaseA, CaseB)"},
		},
		{
			name: "Case function with a parameter",
			src: `package p

func CaseArg(n int) {}`,
			want: oracle.Case{Func: "CaseArg"},
			errs: []string{"x.go:3:1: CaseArg must be declared as func CaseArg()"},
		},
		{
			name: "Case function with a result",
			src: `package p

func CaseResult() error { return nil }`,
			want: oracle.Case{Func: "CaseResult"},
			errs: []string{"CaseResult must be declared as func CaseResult()"},
		},
		{
			name: "generic Case function",
			src: `package p

func CaseGeneric[T any]() {}`,
			want: oracle.Case{Func: "CaseGeneric"},
			errs: []string{"CaseGeneric must be declared"},
		},
		{
			name: "unknown directive",
			src: `package p

//oracle:sikp typo
func CaseX() {}`,
			want: oracle.Case{Func: "CaseX"},
			errs: []string{"x.go:3:1: unknown directive //oracle:sikp"},
		},
		{
			name: "directive without reason",
			src: `package p

//oracle:goleak   
func CaseX() {}`,
			want: oracle.Case{Func: "CaseX", Goleak: "(no reason given)"},
			errs: []string{"x.go:3:1: directive //oracle:goleak needs a reason"},
		},
		{
			name: "skip without reason",
			src: `package p

//oracle:skip
var x int`,
			want: oracle.Case{Skip: "(no reason given)"},
			errs: []string{"directive //oracle:skip needs a reason"},
		},
		{
			name: "repeated directive",
			src: `package p

//oracle:goleak one
//oracle:goleak two
func CaseX() {}`,
			want: oracle.Case{Func: "CaseX", Goleak: "one"},
			errs: []string{"x.go:4:1: repeated directive //oracle:goleak (first at x.go:3:1)"},
		},
		{
			name: "directive not on its own line",
			src: `package p

func CaseX() {} //oracle:goleak trailing`,
			want: oracle.Case{Func: "CaseX", Goleak: "trailing"},
			errs: []string{"x.go:3:17: directive //oracle:goleak must be on a line of its own"},
		},
		{
			name: "directive with a space",
			src: `package p

// oracle:skip spaced out
var x int`,
			errs: []string{
				"x.go:3:1: write the directive as //oracle:skip, with no space after //",
				"no Case function",
			},
		},
		{
			name: "skip and Case function",
			src: `package p

//oracle:skip why not
func CaseX() {}`,
			want: oracle.Case{Skip: "why not"},
			errs: []string{"x.go:4:1: file has //oracle:skip but declares CaseX"},
		},
		{
			name: "skip with another directive",
			src: `package p

//oracle:skip why not
//oracle:goleak pointless
var x int`,
			want: oracle.Case{Skip: "why not", Goleak: "pointless"},
			errs: []string{"x.go:4:1: //oracle:goleak has no meaning in a file with //oracle:skip"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := oracle.ParseFile(token.NewFileSet(), "x.go", []byte(tc.src))
			if c == nil {
				t.Fatalf("ParseFile returned no case: %v", err)
			}
			if c.Path != "x.go" {
				t.Errorf("Path = %q, want x.go", c.Path)
			}
			if got, want := caseFields(c), caseFields(&tc.want); got != want {
				t.Errorf("case = %+v, want %+v", got, want)
			}
			if len(tc.errs) == 0 {
				if err != nil {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tc.errs)
			}
			msg := err.Error()
			if n := strings.Count(msg, "\n") + 1; n != len(tc.errs) {
				t.Errorf("got %d errors, want %d:\n%s", n, len(tc.errs), msg)
			}
			for _, e := range tc.errs {
				if !strings.Contains(msg, e) {
					t.Errorf("error does not mention %q:\n%s", e, msg)
				}
			}
		})
	}
}

func TestParseFileSyntaxError(t *testing.T) {
	c, err := oracle.ParseFile(token.NewFileSet(), "bad.go", []byte("package p\nfunc {"))
	if c != nil || err == nil || !strings.Contains(err.Error(), "bad.go:2") {
		t.Errorf("ParseFile = %v, %v; want nil and a syntax error in bad.go", c, err)
	}
}

func TestParseDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("b.go", "package p\n\nfunc CaseB() {} // want `x`\n")
	write("a.go", "package p\n\nfunc CaseA() {}\n")
	write("skipped.go", "package p\n\n//oracle:skip type-checking only\nvar _ = 0\n")
	write("broken.go", "package p\n\nfunc helper() {}\n")
	// Not cases:
	write("a_test.go", "package p\n\nfunc helperTest() {}\n")
	write("_ignored.go", "package p\n\nfunc helperIgnored() {}\n")
	write("other.go", "//go:build ignore\n\npackage p\n\nfunc helperOther() {}\n")
	write("notes.txt", "not Go\n")
	write("sub/sub.go", "package sub\n\nfunc Helper() {}\n")

	cases, err := oracle.ParseDir(dir)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "broken.go")+":1:1: no Case function") {
		t.Errorf("ParseDir error = %v, want a missing Case function in broken.go", err)
	}
	var got []string
	for _, c := range cases {
		got = append(got, c.Name()+":"+c.Func)
	}
	want := "a.go:CaseA b.go:CaseB broken.go: skipped.go:"
	if strings.Join(got, " ") != want {
		t.Errorf("cases = %s, want %s", strings.Join(got, " "), want)
	}
	if !cases[1].Want || cases[0].Want {
		t.Errorf("Want: a.go = %v, b.go = %v; want false, true", cases[0].Want, cases[1].Want)
	}

	if _, err := oracle.ParseDir(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ParseDir(missing) error = %v, want fs.ErrNotExist", err)
	}
	empty := t.TempDir()
	if cases, err := oracle.ParseDir(empty); len(cases) != 0 || err != nil {
		t.Errorf("ParseDir(empty) = %v, %v; want nothing", cases, err)
	}
}

// caseFields is the part of a case that the parsing tests compare.
func caseFields(c *oracle.Case) struct {
	Func, Skip, Goleak, FalseNegative string
	Want                              bool
} {
	return struct {
		Func, Skip, Goleak, FalseNegative string
		Want                              bool
	}{c.Func, c.Skip, c.Goleak, c.FalseNegative, c.Want}
}
