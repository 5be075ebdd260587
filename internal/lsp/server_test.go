package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// TestServe drives a server over in-memory pipes. The go command is a
// script that prints canned "go vet -json" output, so the test checks the
// protocol and the conversions, not the analyzers.
func TestServe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as the go command")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "a.go")
	// "\t/* é😀 */ " is 14 bytes and 11 UTF-16 code units.
	if err := os.WriteFile(src, []byte("package a\n\nfunc f() {\n\t/* é😀 */ for range ch {\n\t}\n}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	diag := map[string]any{
		"posn":    src + ":4:15",
		"end":     src + ":4:24",
		"message": "range never ends",
		"related": []any{map[string]any{"posn": src + ":3:1", "end": src + ":3:1", "message": "\tstarted here"}},
		"suggested_fixes": []any{map[string]any{
			"message": "Close ch",
			"edits":   []any{map[string]any{"filename": src, "start": 45, "end": 45, "new": "\n\tclose(ch)"}},
		}},
	}
	tree := map[string]any{"a": map[string]any{"rangeclose": []any{diag}}}
	variant := map[string]any{"a [a.test]": map[string]any{"rangeclose": []any{diag}}} // the same finding again
	var out strings.Builder
	for _, v := range []any{tree, variant} {
		b, _ := json.Marshal(v)
		out.Write(b)
		out.WriteString("\n")
	}
	canned := filepath.Join(dir, "vet.json")
	if err := os.WriteFile(canned, []byte(out.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	fakeGo := filepath.Join(dir, "go")
	if err := os.WriteFile(fakeGo, []byte("#!/bin/sh\nexec cat "+canned+"\n"), 0o777); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, rwc{sr, sw}, Options{VetTool: "/leakvet", Go: fakeGo, URLs: map[string]string{"rangeclose": "https://example.com/rangeclose"}})
	}()
	published := make(chan PublishDiagnosticsParams, 4)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc{cr, cw}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == "textDocument/publishDiagnostics" {
				var p PublishDiagnosticsParams
				unmarshal(req.Params, &p)
				published <- p
			}
			return nil, nil
		}))
	defer conn.Close()

	var init InitializeResult
	if err := conn.Call(ctx, "initialize", map[string]any{}, &init); err != nil {
		t.Fatal(err)
	}
	uri := fileURI(src)
	conn.Notify(ctx, "initialized", map[string]any{})
	conn.Notify(ctx, "textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "go", Version: 1}})
	var p PublishDiagnosticsParams
	select {
	case p = <-published:
	case <-ctx.Done():
		t.Fatal("no diagnostics published")
	}
	if p.URI != uri || len(p.Diagnostics) != 1 {
		t.Fatalf("published %+v, want one diagnostic for %s", p, uri)
	}
	d := p.Diagnostics[0]
	want := Range{Start: Position{3, 11}, End: Position{3, 20}}
	if d.Range != want || d.Code != "rangeclose" || d.CodeDescription.Href != "https://example.com/rangeclose" {
		t.Errorf("diagnostic %+v, want range %+v", d, want)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Message != "started here" || d.RelatedInformation[0].Location.Range.Start != (Position{2, 0}) {
		t.Errorf("related %+v", d.RelatedInformation)
	}

	var actions []CodeAction
	if err := conn.Call(ctx, "textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: want}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Title != "Close ch" || actions[0].Edit.Changes[uri][0].Range.Start != (Position{3, 20}) {
		t.Errorf("code actions %+v", actions)
	}
	// No action away from the finding.
	if err := conn.Call(ctx, "textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{End: Position{1, 0}}}, &actions); err != nil || len(actions) != 0 {
		t.Errorf("code actions on line 1: %+v, %v", actions, err)
	}

	if err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "exit", nil)
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-ctx.Done():
		t.Fatal("server did not stop after exit")
	}
}

type rwc struct {
	io.ReadCloser
	io.WriteCloser
}

func (c rwc) Close() error {
	c.WriteCloser.Close()
	return c.ReadCloser.Close()
}
