package analysisutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/leakvet/leakvet/internal/analysisutil"
)

const sourceSrc = `package p

func f() (int, error) { return 0, nil }

func g() {
	a, err := f()
	_, err = f()
	var b = len("x")
	s := struct{ ch chan int }{ch: make(chan int)}
	ch := make(chan int)
	go func() { ch <- a }()
	<-ch
	_, _, _ = b, s, err
}
`

// TestSource checks the names the index finds for calls, by position of
// their left parenthesis, and for channel operations, by their arrow.
func TestSource(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", sourceSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New([]*ast.File{f})}}
	s := analysisutil.NewSource(pass)
	at := func(sub string, nth int) token.Pos { // position of the nth occurrence of sub
		off := -1
		for range nth + 1 {
			off += 1 + strings.Index(sourceSrc[off+1:], sub)
		}
		return fset.File(f.Pos()).Pos(off)
	}
	for _, tc := range []struct {
		what, got, want string
	}{
		{"a, err := f()", s.VarName(at("f()", 1) + 1), "a"},
		{"_, err = f()", s.VarName(at("f()", 2) + 1), ""},
		{"var b = len(...)", s.VarName(at("len(", 0) + 3), "b"},
		{"field ch: make", s.MadeName(at("make(", 0)+4, "?"), "ch"},
		{"ch := make", s.MadeName(at("make(", 1)+4, "?"), "ch"},
		{"ch <- a", s.ChanText(at("<-", 0), "?"), "ch"},
		{"<-ch", s.ChanText(at("<-", 1), "?"), "ch"},
		{"go func", found(s.Call(at("go ", 0))), "found"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.what, tc.got, tc.want)
		}
	}
}

func found(call *ast.CallExpr) string {
	if call == nil {
		return "nil"
	}
	return "found"
}
