package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/internal/lsp"
	"github.com/leakvet/leakvet/internal/sarif"
	"github.com/leakvet/leakvet/internal/sarif/schematest"
)

// suppressWant are the findings on testdata/suppress: line and message
// prefix. The two silenced loops are absent.
var suppressWant = []struct {
	line    int
	message string
}{
	{11, "range over channel events never ends"},
	{43, "leakvet:ignore directive gives no reason"},
	{44, "range over channel events never ends"},
}

// TestFrontEnds runs the binary in its other modes: suppression under go
// vet and standalone, SARIF output, and the language server over pipes
// and in Neovim.
func TestFrontEnds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	e := newEnv(t)
	supp := e.dir("suppress")
	suppFile := filepath.Join(supp, "leaks.go")

	checkText := func(t *testing.T, r result) {
		t.Helper()
		var got []string
		for _, l := range lines(r.stderr) {
			m := textDiag.FindStringSubmatch(l)
			if m == nil || strings.HasPrefix(m[3], "\t") {
				continue
			}
			got = append(got, m[2]+": "+m[3])
		}
		slices.Sort(got)
		if len(got) != len(suppressWant) {
			t.Fatalf("got %d findings, want %d\n%s", len(got), len(suppressWant), r)
		}
		for i, w := range suppressWant {
			if !strings.HasPrefix(got[i], itoa(w.line)+": "+w.message) {
				t.Errorf("finding %q, want line %d: %s...", got[i], w.line, w.message)
			}
		}
	}

	t.Run("suppress/vet", func(t *testing.T) {
		r := e.run(t, supp, "go", "vet", "-vettool="+e.bin, "./...")
		if r.code != 1 {
			t.Errorf("exit code %d, want 1\n%s", r.code, r)
		}
		checkText(t, r)
	})

	t.Run("suppress/standalone", func(t *testing.T) {
		r := e.run(t, supp, e.bin, "./...")
		if r.code != 3 {
			t.Errorf("exit code %d, want 3\n%s", r.code, r)
		}
		checkText(t, r)
	})

	t.Run("sarif", func(t *testing.T) {
		r := e.run(t, supp, e.bin, "-format=sarif", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("want exit code 0 and nothing on stderr\n%s", r)
		}
		if err := schematest.Validate([]byte(r.stdout)); err != nil {
			t.Fatalf("invalid SARIF: %v\n%s", err, r)
		}
		var log sarif.Log
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		var rules []string
		for _, rule := range run.Tool.Driver.Rules {
			rules = append(rules, rule.ID)
		}
		for _, a := range analyzers.Suite {
			if !slices.Contains(rules, a.Name) {
				t.Errorf("rules %v lack analyzer %s", rules, a.Name)
			}
		}
		if len(run.Results) != len(suppressWant) {
			t.Fatalf("got %d results, want %d\n%s", len(run.Results), len(suppressWant), r.stdout)
		}
		first := run.Results[0]
		loc := first.Locations[0].PhysicalLocation
		// The loop is preceded by "\t\t/* ▶ 이벤트 */ ": 22 bytes, 14
		// UTF-16 code units.
		if loc.ArtifactLocation.URI != "leaks.go" || loc.Region.StartLine != 11 || loc.Region.StartColumn != 15 {
			t.Errorf("first result at %s:%d:%d, want leaks.go:11:15", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn)
		}
		if first.RuleID != "rangeclose" || len(first.RelatedLocations) != 2 {
			t.Errorf("first result: rule %s, %d related locations; want rangeclose, 2", first.RuleID, len(first.RelatedLocations))
		}
		if rules[first.RuleIndex] != first.RuleID {
			t.Errorf("ruleIndex %d names %s, not %s", first.RuleIndex, rules[first.RuleIndex], first.RuleID)
		}

		// The seed's finding carries a fix.
		s := e.run(t, e.dir("seed"), e.bin, "-format", "sarif", "-rangeclose", "./...")
		if err := schematest.Validate([]byte(s.stdout)); err != nil || s.code != 0 {
			t.Fatalf("seed: exit code %d, invalid SARIF: %v\n%s", s.code, err, s)
		}
		if !strings.Contains(s.stdout, `"fixes"`) || !strings.Contains(s.stdout, `close(input)`) {
			t.Errorf("seed: no fix in SARIF\n%s", s.stdout)
		}
	})

	t.Run("sarif/type error", func(t *testing.T) {
		// The log is written, and says that the run failed.
		r := e.run(t, e.dir("typeerror"), e.bin, "-format=sarif", "./...")
		if r.code != 1 || !strings.Contains(r.stderr, `cannot use "one"`) {
			t.Errorf("want exit code 1 and the type error on stderr\n%s", r)
		}
		if err := schematest.Validate([]byte(r.stdout)); err != nil {
			t.Fatalf("invalid SARIF: %v\n%s", err, r)
		}
		var log sarif.Log
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
			t.Fatal(err)
		}
		inv := log.Runs[0].Invocations
		if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) == 0 ||
			!strings.Contains(inv[0].ToolExecutionNotifications[0].Message.Text, `cannot use "one"`) {
			t.Errorf("invocations = %+v, want a failed one naming the type error", inv)
		}
	})

	t.Run("format=json", func(t *testing.T) {
		a := e.run(t, supp, e.bin, "-format=json", "./...")
		b := e.run(t, supp, e.bin, "-json", "./...")
		if a.code != 0 || a.stdout != b.stdout || a.stdout == "" {
			t.Errorf("-format=json differs from -json\n%s\n%s", a, b)
		}
	})

	t.Run("lsp/pipes", func(t *testing.T) {
		start := time.Now()
		c := startLSP(t, e, supp)
		uri := lspURI(suppFile)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "go", "version": 1, "text": readFile(t, suppFile),
		}})
		p := c.wait(uri)
		t.Logf("diagnostics %v after didOpen", time.Since(start))
		if len(p.Diagnostics) != len(suppressWant) {
			t.Fatalf("got %d diagnostics, want %d: %+v", len(p.Diagnostics), len(suppressWant), p.Diagnostics)
		}
		for i, w := range suppressWant {
			d := p.Diagnostics[i]
			if d.Range.Start.Line != w.line-1 || !strings.HasPrefix(d.Message, w.message) || d.Source != "leakvet" || d.Severity != lsp.SeverityWarning {
				t.Errorf("diagnostic %d = %+v, want line %d (0-based %d): %s", i, d, w.line, w.line-1, w.message)
			}
		}
		d := p.Diagnostics[0]
		if d.Range.Start.Character != 14 || d.Code != "rangeclose" || d.CodeDescription == nil || len(d.RelatedInformation) != 2 {
			t.Errorf("first diagnostic = %+v, want UTF-16 column 14, code rangeclose, a description and 2 related", d)
		}

		// A quick fix for the seed's finding.
		seedMain := filepath.Join(e.dir("seed"), "main.go")
		seedURI := lspURI(seedMain)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": seedURI, "languageId": "go", "version": 1, "text": readFile(t, seedMain),
		}})
		sp := c.wait(seedURI)
		if len(sp.Diagnostics) != 1 {
			t.Fatalf("seed: %d diagnostics, want 1", len(sp.Diagnostics))
		}
		var actions []lsp.CodeAction
		c.call("textDocument/codeAction", map[string]any{
			"textDocument": map[string]any{"uri": seedURI},
			"range":        sp.Diagnostics[0].Range,
			"context":      map[string]any{"diagnostics": sp.Diagnostics},
		}, &actions)
		if len(actions) != 1 || actions[0].Kind != "quickfix" || actions[0].Edit == nil {
			t.Fatalf("code actions = %+v, want one quick fix", actions)
		}
		edits := actions[0].Edit.Changes[seedURI]
		if len(edits) != 1 || edits[0].NewText != "\n\tclose(input)" {
			t.Errorf("quick fix edits = %+v", actions[0].Edit.Changes)
		}
		c.shutdown()
	})

	t.Run("lsp/neovim", func(t *testing.T) {
		nvim, err := exec.LookPath("nvim")
		if err != nil {
			if os.Getenv("LEAKVET_REQUIRE_NVIM") != "" {
				t.Fatal("nvim not found, and LEAKVET_REQUIRE_NVIM is set")
			}
			t.Skip("nvim not found")
		}
		init, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "diagnostics.json")
		start := time.Now()
		cmd := exec.CommandContext(e.ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", init)
		cmd.Dir = supp
		cmd.Env = append(slices.Clone(e.environ),
			"LEAKVET_BIN="+e.bin, "LEAKVET_FILE="+suppFile, "LEAKVET_OUT="+out,
			"XDG_CONFIG_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir())
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("nvim: %v\n%s", err, b)
		}
		t.Logf("nvim showed the diagnostics in %v", time.Since(start))
		var diags []struct {
			Lnum, Col int
			Message   string
			Source    string
		}
		if err := json.Unmarshal([]byte(readFile(t, out)), &diags); err != nil {
			t.Fatalf("%v: %s", err, readFile(t, out))
		}
		slices.SortFunc(diags, func(a, b struct {
			Lnum, Col int
			Message   string
			Source    string
		}) int {
			return a.Lnum - b.Lnum
		})
		if len(diags) != len(suppressWant) {
			t.Fatalf("Neovim shows %d diagnostics, want %d: %+v", len(diags), len(suppressWant), diags)
		}
		for i, w := range suppressWant {
			if d := diags[i]; d.Lnum != w.line-1 || !strings.HasPrefix(d.Message, w.message) || d.Source != "leakvet" {
				t.Errorf("diagnostic %d = %+v, want line %d: %s", i, d, w.line, w.message)
			}
		}
		// Neovim turns the server's UTF-16 column back into a byte
		// column: 22 bytes precede the loop.
		if diags[0].Col != 22 {
			t.Errorf("first diagnostic at byte column %d, want 22", diags[0].Col)
		}
	})
}

// lspClient drives "leakvet lsp" over its stdin and stdout.
type lspClient struct {
	t     *testing.T
	ctx   context.Context
	conn  *jsonrpc2.Conn
	cmd   *exec.Cmd
	diags chan lsp.PublishDiagnosticsParams
}

func startLSP(t *testing.T, e *env, dir string) *lspClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 3*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, e.bin, "lsp")
	cmd.Dir = dir
	cmd.Env = e.environ
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, ctx: ctx, cmd: cmd, diags: make(chan lsp.PublishDiagnosticsParams, 16)}
	handler := jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
			var p lsp.PublishDiagnosticsParams
			if err := json.Unmarshal(*req.Params, &p); err == nil {
				c.diags <- p
			}
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipe{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}), handler)
	t.Cleanup(func() { c.conn.Close(); cmd.Process.Kill(); cmd.Wait() })

	var init lsp.InitializeResult
	c.call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": lspURI(dir), "capabilities": map[string]any{}}, &init)
	if init.ServerInfo.Name != "leakvet" || !init.Capabilities.TextDocumentSync.OpenClose || init.Capabilities.PositionEncoding != "utf-16" {
		t.Fatalf("initialize result %+v", init)
	}
	c.notify("initialized", map[string]any{})
	return c
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(c.ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(c.ctx, method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// wait returns the first non-empty diagnostics published for uri.
func (c *lspClient) wait(uri string) lsp.PublishDiagnosticsParams {
	c.t.Helper()
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && len(p.Diagnostics) > 0 {
				return p
			}
		case <-c.ctx.Done():
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

// shutdown ends the session as an editor does and checks that the server
// exits with code 0.
func (c *lspClient) shutdown() {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			c.t.Errorf("server exit: %v", err)
		}
	case <-time.After(30 * time.Second):
		c.t.Errorf("server did not exit after shutdown and exit")
	}
}

type pipe struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipe) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

func lspURI(path string) string {
	return "file://" + filepath.ToSlash(path)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
