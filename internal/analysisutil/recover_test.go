package analysisutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/analysisutil"
)

func TestRecover(t *testing.T) {
	pass := &analysis.Pass{
		Analyzer: &analysis.Analyzer{Name: "example"},
		Pkg:      types.NewPackage("example.com/p", "p"),
	}
	run := func() (_ any, err error) {
		current := ""
		defer analysisutil.Recover(pass, &current, &err)
		current = "example.com/p.F"
		deep(3)
		return nil, nil
	}
	_, err := run()
	if err == nil {
		t.Fatal("a panicking pass returned no error")
	}
	msg := err.Error()
	for _, want := range []string{"internal error in example", "example.com/p.F", "assignment to entry in nil map", "please report it"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}
	// The stack starts at the panicking function, not in the runtime,
	// gives file and line, and is trimmed.
	stack := regexp.MustCompile(` at (.*) \(please report`).FindStringSubmatch(msg)
	if stack == nil {
		t.Fatalf("error %q has no stack", msg)
	}
	frames := strings.Split(stack[1], " <- ")
	if !regexp.MustCompile(`^analysisutil_test\.panics \(recover_test\.go:\d+\)$`).MatchString(frames[0]) {
		t.Errorf("innermost frame %q is not the panicking function with its file and line", frames[0])
	}
	if len(frames) != 6 || !strings.HasPrefix(frames[1], "analysisutil_test.deep ") {
		t.Errorf("stack %q: want 6 frames, panics then deep", stack[1])
	}
	if strings.Contains(msg, "\n") || strings.Contains(stack[1], "runtime.") {
		t.Errorf("error %q spans lines or shows the runtime's frames", msg)
	}
}

func deep(n int) {
	if n == 0 {
		panics()
	}
	deep(n - 1)
}

func panics() {
	var m map[string]int
	m["x"] = 1
}

// TestRecoverFirst checks that every pass defers Recover before anything
// else in its run function, so that no panic escapes it.
func TestRecoverFirst(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "passes", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != "run" {
				continue
			}
			runs++
			if !defersRecoverFirst(fd.Body.List) {
				t.Errorf("%s: run does not start by deferring analysisutil.Recover", name)
			}
		}
	}
	if runs < 5 {
		t.Errorf("found %d run functions in passes/, want one per pass", runs)
	}
}

// defersRecoverFirst reports whether stmts start with declarations of
// variables followed by "defer analysisutil.Recover(...)".
func defersRecoverFirst(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.DeclStmt:
			continue
		case *ast.DeferStmt:
			sel, ok := s.Call.Fun.(*ast.SelectorExpr)
			if !ok {
				return false
			}
			pkg, ok := sel.X.(*ast.Ident)
			return ok && pkg.Name == "analysisutil" && sel.Sel.Name == "Recover"
		}
		return false
	}
	return false
}
