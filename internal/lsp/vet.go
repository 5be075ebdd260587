package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/internal/textpos"
	"github.com/leakvet/leakvet/internal/vetjson"
)

// finding is a diagnostic converted for LSP, with its quick fixes.
type finding struct {
	uri   string
	diag  Diagnostic
	fixes []CodeAction
}

// vet runs "go vet -vettool=<tool> -json <flags> ." in dir and returns the
// findings, de-duplicated (a package and its test variant share files).
func (s *Server) vet(ctx context.Context, dir string) ([]finding, error) {
	args := append([]string{"vet", "-vettool=" + s.opts.VetTool, "-json"}, s.opts.Flags...)
	args = append(args, ".")
	cmd := exec.CommandContext(ctx, s.opts.Go, args...)
	cmd.Dir = dir
	cmd.Env = s.opts.Env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		var exit *exec.ExitError
		if !errors.As(err, &exit) || msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("go vet in %s: %s", dir, msg)
	}
	c := &converter{urls: s.urls, files: make(map[string]*textpos.File)}
	return c.convert(&stdout)
}

type converter struct {
	urls  map[string]string // analyzer name -> documentation URL
	files map[string]*textpos.File
}

// convert decodes the output of go vet -json. An analyzer's error fails
// the whole conversion: the editor shows it instead of a partial list.
func (c *converter) convert(r io.Reader) ([]finding, error) {
	found, errs, err := vetjson.Decode(r)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		all := make([]error, len(errs))
		for i, e := range errs {
			all[i] = e
		}
		return nil, errors.Join(all...)
	}
	var out []finding
	for _, d := range found {
		if f, ok := c.finding(d.Analyzer, d.Diagnostic); ok {
			out = append(out, f)
		}
	}
	return out, nil
}

func (c *converter) finding(analyzer string, d vetjson.Diagnostic) (finding, bool) {
	file, rng, ok := c.span(d.Posn, d.End)
	if !ok {
		return finding{}, false
	}
	diag := Diagnostic{
		Range:    rng,
		Severity: SeverityWarning,
		Code:     analyzer,
		Source:   "leakvet",
		Message:  d.Message,
	}
	if u := c.urls[analyzer]; u != "" {
		diag.CodeDescription = &CodeDescription{Href: u}
	}
	for _, rel := range d.Related {
		if rf, rr, ok := c.span(rel.Posn, rel.End); ok {
			diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{
				Location: Location{URI: fileURI(rf), Range: rr},
				Message:  strings.TrimSpace(rel.Message),
			})
		}
	}
	f := finding{uri: fileURI(file), diag: diag}
	for _, fix := range d.SuggestedFixes {
		edit := &WorkspaceEdit{Changes: make(map[string][]TextEdit)}
		for _, e := range fix.Edits {
			tf := c.file(e.Filename)
			if tf == nil {
				continue
			}
			sl, sc := tf.Position(e.Start)
			el, ec := tf.Position(e.End)
			u := fileURI(e.Filename)
			edit.Changes[u] = append(edit.Changes[u], TextEdit{
				Range:   Range{Start: Position{sl, sc}, End: Position{el, ec}},
				NewText: e.New,
			})
		}
		if len(edit.Changes) > 0 {
			f.fixes = append(f.fixes, CodeAction{
				Title:       fix.Message,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{diag},
				IsPreferred: len(d.SuggestedFixes) == 1,
				Edit:        edit,
			})
		}
	}
	return f, true
}

// span converts the "file:line:col" positions posn and end (byte
// columns) into a file name and an LSP range (UTF-16 columns).
func (c *converter) span(posn, end string) (string, Range, bool) {
	p, ok := vetjson.ParsePosn(posn)
	if !ok {
		return "", Range{}, false
	}
	tf := c.file(p.File)
	if tf == nil {
		return "", Range{}, false
	}
	sl, sc := tf.Position(tf.Offset(p.Line, max(p.Col, 1)))
	rng := Range{Start: Position{sl, sc}, End: Position{sl, sc}}
	if e, ok := vetjson.ParsePosn(end); ok && e.File == p.File {
		el, ec := tf.Position(tf.Offset(e.Line, max(e.Col, 1)))
		if el > sl || el == sl && ec > sc {
			rng.End = Position{el, ec}
		}
	}
	return p.File, rng, true
}

func (c *converter) file(name string) *textpos.File {
	f, ok := c.files[name]
	if !ok {
		if data, err := os.ReadFile(name); err == nil {
			f = textpos.New(data)
		}
		c.files[name] = f
	}
	return f
}

// fileURI returns the file URI of the absolute path name.
func fileURI(name string) string {
	p := filepath.ToSlash(name)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// uriPath returns the file path of a file URI.
func uriPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // /C:/x -> C:/x
	}
	return filepath.FromSlash(p), true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
