package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/internal/textpos"
)

// The JSON tree "go vet -json" prints: {"package": {"analyzer": [diag...]
// or {"error": "..."}}}, one tree per package.
type vetDiagnostic struct {
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

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

func (c *converter) convert(r io.Reader) ([]finding, error) {
	var out []finding
	seen := make(map[string]bool)
	dec := json.NewDecoder(r)
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("reading go vet -json output: %v", err)
		}
		for _, pkg := range sortedKeys(tree) {
			for _, name := range sortedKeys(tree[pkg]) {
				raw := tree[pkg][name]
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						return nil, fmt.Errorf("%s: %s: %s", pkg, name, e.Error)
					}
					return nil, fmt.Errorf("%s: %s: unexpected output %s", pkg, name, raw)
				}
				for _, d := range diags {
					key := name + "\x00" + d.Posn + "\x00" + d.Message
					if seen[key] {
						continue
					}
					seen[key] = true
					if f, ok := c.finding(name, d); ok {
						out = append(out, f)
					}
				}
			}
		}
	}
	return out, nil
}

func (c *converter) finding(analyzer string, d vetDiagnostic) (finding, bool) {
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
	file, line, col, ok := parsePosn(posn)
	if !ok {
		return "", Range{}, false
	}
	tf := c.file(file)
	if tf == nil {
		return "", Range{}, false
	}
	sl, sc := tf.Position(tf.Offset(line, col))
	rng := Range{Start: Position{sl, sc}, End: Position{sl, sc}}
	if efile, eline, ecol, ok := parsePosn(end); ok && efile == file {
		el, ec := tf.Position(tf.Offset(eline, ecol))
		if el > sl || el == sl && ec > sc {
			rng.End = Position{el, ec}
		}
	}
	return file, rng, true
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

// parsePosn parses "file:line:col" or "file:line".
func parsePosn(s string) (file string, line, col int, ok bool) {
	rest, last, found := cutLast(s, ":")
	if !found {
		return "", 0, 0, false
	}
	n, err := strconv.Atoi(last)
	if err != nil {
		return "", 0, 0, false
	}
	if f, l, found := cutLast(rest, ":"); found {
		if m, err := strconv.Atoi(l); err == nil {
			return f, m, n, true
		}
	}
	return rest, n, 1, true
}

func cutLast(s, sep string) (string, string, bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
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
