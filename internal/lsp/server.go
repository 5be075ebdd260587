// Package lsp is leakvet's language server: a small Language Server
// Protocol server, spoken over stdio, that runs the leakvet analyzers on
// the package of each Go file an editor opens or saves, publishes the
// findings as diagnostics, and offers their suggested fixes as quick-fix
// code actions. It runs beside gopls, in editors that attach several
// servers to one buffer (Neovim, Helix, Zed, Emacs).
//
// The server analyzes saved files only: for each package it runs
//
//	go vet -vettool=<leakvet> -json [flags] .
//
// in the package's directory and converts the JSON that go vet prints.
// go vet caches results per package, facts of dependencies included, so
// re-analysis after a save costs what changed. Unsaved edits are not seen
// until the file is saved. Positions are converted from go/token's byte
// columns to the UTF-16 columns LSP requires.
package lsp

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// Options configure a Server.
type Options struct {
	// VetTool is the absolute path of the leakvet binary that go vet
	// runs.
	VetTool string
	// Go is the go command; "go" if empty.
	Go string
	// Env is the environment of go vet; the process's if nil.
	Env []string
	// Flags are passed to go vet before the package, such as
	// "-rangeclose=false".
	Flags []string
	// URLs maps analyzer names to their documentation, shown as the
	// diagnostics' codeDescription.
	URLs map[string]string
	// Version is reported in serverInfo.
	Version string
}

// Server is one language server session.
type Server struct {
	opts Options
	urls map[string]string

	mu        sync.Mutex
	conn      *jsonrpc2.Conn
	open      map[string]string       // path of an open file -> the client's URI for it
	findings  map[string][]finding    // path -> its findings, as last published
	published map[string][]string     // directory -> paths last published with findings
	pending   map[string]bool         // directories to analyze
	wake      chan struct{}           // signals the worker that pending grew
	shutdown  bool                    // a shutdown request was received
	done      chan struct{}           // closed when the worker stops
	analyzed  func(dir string, n int) // test hook: called after each analysis
}

// Serve runs a server on rwc until the client sends "exit" or closes the
// connection. It returns nil if the client asked for a shutdown first, as
// LSP requires for a clean exit.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	if opts.Go == "" {
		opts.Go = "go"
	}
	s := &Server{
		opts:      opts,
		urls:      opts.URLs,
		open:      make(map[string]string),
		findings:  make(map[string][]finding),
		published: make(map[string][]string),
		pending:   make(map[string]bool),
		wake:      make(chan struct{}, 1),
		done:      make(chan struct{}),
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream := jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed())
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	go s.worker(ctx)

	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	cancel()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.shutdown {
		return fmt.Errorf("connection closed without a shutdown request")
	}
	return nil
}

func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "initialize":
		return InitializeResult{
			Capabilities: ServerCapabilities{
				PositionEncoding: "utf-16",
				TextDocumentSync: TextDocumentSync{OpenClose: true, Change: 0, Save: SaveOptions{}},
				CodeActionProvider: CodeActionOpts{
					CodeActionKinds: []string{"quickfix"},
				},
			},
			ServerInfo: ServerInfo{Name: "leakvet", Version: s.opts.Version},
		}, nil
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration",
		"workspace/didChangeWatchedFiles", "textDocument/didChange":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		go conn.Close() // after this handler returns
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		if p.TextDocument.LanguageID != "" && p.TextDocument.LanguageID != "go" {
			return nil, nil
		}
		if path, ok := goFile(p.TextDocument.URI); ok {
			s.mu.Lock()
			s.open[path] = p.TextDocument.URI
			s.schedule(filepath.Dir(path))
			s.mu.Unlock()
		}
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		if path, ok := goFile(p.TextDocument.URI); ok {
			s.mu.Lock()
			s.schedule(filepath.Dir(path))
			s.mu.Unlock()
		}
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		if path, ok := goFile(p.TextDocument.URI); ok {
			s.mu.Lock()
			delete(s.open, path)
			s.mu.Unlock()
		}
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := unmarshal(req.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	if req.Notif || strings.HasPrefix(req.Method, "$/") {
		return nil, nil
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
}

// goFile returns the path of a Go file's URI.
func goFile(uri string) (string, bool) {
	path, ok := uriPath(uri)
	if !ok || !strings.HasSuffix(path, ".go") {
		return "", false
	}
	return filepath.Clean(path), true
}

// schedule queues dir for analysis; s.mu is held.
func (s *Server) schedule(dir string) {
	s.pending[dir] = true
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// worker analyzes the pending directories one at a time.
func (s *Server) worker(ctx context.Context) {
	defer close(s.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		for {
			s.mu.Lock()
			var dir string
			for d := range s.pending {
				if dir == "" || d < dir {
					dir = d
				}
			}
			delete(s.pending, dir)
			s.mu.Unlock()
			if dir == "" || ctx.Err() != nil {
				break
			}
			s.analyze(ctx, dir)
		}
	}
}

// analyze runs the analyzers on the package in dir and publishes the
// diagnostics of its files; files that had findings and have none now get
// an empty list.
func (s *Server) analyze(ctx context.Context, dir string) {
	found, err := s.vet(ctx, dir)
	if err != nil {
		if ctx.Err() == nil {
			s.notify(ctx, "window/logMessage", LogMessageParams{Type: 2, Message: "leakvet: " + err.Error()})
		}
		if s.analyzed != nil {
			s.analyzed(dir, -1)
		}
		return
	}
	byPath := make(map[string][]finding)
	for _, f := range found {
		path, ok := uriPath(f.uri)
		if !ok {
			continue
		}
		byPath[path] = append(byPath[path], f)
	}
	for _, fs := range byPath {
		slices.SortStableFunc(fs, func(a, b finding) int {
			switch {
			case before(a.diag.Range.Start, b.diag.Range.Start):
				return -1
			case before(b.diag.Range.Start, a.diag.Range.Start):
				return +1
			}
			return 0
		})
	}

	s.mu.Lock()
	paths := sortedKeys(byPath)
	clear := s.published[dir]
	for p := range s.open {
		if filepath.Dir(p) == dir {
			clear = append(clear, p)
		}
	}
	for _, p := range clear {
		if _, ok := byPath[p]; !ok {
			byPath[p] = nil
		}
	}
	s.published[dir] = paths
	var out []PublishDiagnosticsParams
	for _, p := range sortedKeys(byPath) {
		fs := byPath[p]
		if len(fs) == 0 {
			delete(s.findings, p)
		} else {
			s.findings[p] = fs
		}
		uri, ok := s.open[p]
		if !ok {
			uri = fileURI(p)
		}
		diags := []Diagnostic{}
		for _, f := range fs {
			diags = append(diags, f.diag)
		}
		out = append(out, PublishDiagnosticsParams{URI: uri, Diagnostics: diags})
	}
	s.mu.Unlock()

	for _, p := range out {
		s.notify(ctx, "textDocument/publishDiagnostics", p)
	}
	if s.analyzed != nil {
		s.analyzed(dir, len(found))
	}
}

func (s *Server) notify(ctx context.Context, method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	conn.Notify(ctx, method, params)
}

// codeActions returns the quick fixes of the findings in the requested
// file whose range meets the requested range.
func (s *Server) codeActions(p CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	path, ok := goFile(p.TextDocument.URI)
	if !ok {
		return actions
	}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool {
		return k == "quickfix"
	}) {
		return actions
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.findings[path] {
		if !overlaps(f.diag.Range, p.Range) {
			continue
		}
		actions = append(actions, f.fixes...)
	}
	return actions
}

// overlaps reports whether a and b share a position; an empty range
// overlaps the ranges that contain it.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
