// Package sarif writes analysis diagnostics as a SARIF 2.1.0 log, the
// format that code scanning services (GitHub code scanning among them)
// read.
//
// The log has one run. Its tool.driver.rules list one rule per analyzer,
// described by the analyzer's Doc and URL. Each diagnostic becomes a
// result with the analyzer's rule, level "warning", a region with start
// and end, its related positions as relatedLocations, and its suggested
// fixes as fixes. Columns count UTF-16 code units (the SARIF default).
// Files under the root directory are named relative to it, with the
// uriBaseId %SRCROOT%, as code scanning expects; others by absolute file
// URI.
package sarif

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/leakvet/leakvet/internal/textpos"
	"github.com/leakvet/leakvet/internal/vetjson"
)

// SchemaURI is the URI of the SARIF 2.1.0 JSON schema.
const SchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the uriBaseId of the files under the root directory.
const srcRoot = "%SRCROOT%"

// Log is a SARIF log, reduced to the properties leakvet writes.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []*Run `json:"runs"`
}

type Run struct {
	Tool               Tool                        `json:"tool"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []Result                    `json:"results"`
	Invocations        []Invocation                `json:"invocations,omitempty"`
}

// Invocation says whether the run succeeded, and why not.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

type Notification struct {
	Level     string     `json:"level"`
	Message   Message    `json:"message"`
	Locations []Location `json:"locations,omitempty"`
}

type Tool struct {
	Driver Driver `json:"driver"`
}

type Driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri,omitempty"`
	Rules          []Rule `json:"rules"`
}

type Rule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *Message       `json:"shortDescription,omitempty"`
	FullDescription      *Message       `json:"fullDescription,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration *Configuration `json:"defaultConfiguration,omitempty"`
}

type Configuration struct {
	Level string `json:"level"`
}

type Message struct {
	Text string `json:"text"`
}

type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	Fixes            []Fix      `json:"fixes,omitempty"`
	// Properties is the SARIF property bag: leakvet test says there
	// whether the runtime confirmed the result.
	Properties map[string]any `json:"properties,omitempty"`
}

type Location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a range of text; lines and columns are 1-based, columns count
// UTF-16 code units, and the end column is that of the first character
// after the region.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type Fix struct {
	Description     Message          `json:"description"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

type ArtifactContent struct {
	Text string `json:"text"`
}

// Builder builds a Log from diagnostics.
type Builder struct {
	log   *Log
	run   *Run
	rules map[string]int
	root  string
	files map[string]*textpos.File
}

// New returns a Builder for a run of the tool name (at version, if not
// empty; described at infoURI) with analyzers, whose files are named
// relative to the directory root.
func New(name, version, infoURI string, analyzers []*analysis.Analyzer, root string) *Builder {
	run := &Run{
		Tool:       Tool{Driver: Driver{Name: name, Version: version, InformationURI: infoURI, Rules: []Rule{}}},
		ColumnKind: "utf16CodeUnits",
		Results:    []Result{},
	}
	b := &Builder{
		log:   &Log{Schema: SchemaURI, Version: "2.1.0", Runs: []*Run{run}},
		run:   run,
		rules: make(map[string]int),
		root:  root,
		files: make(map[string]*textpos.File),
	}
	if root != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(root)}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // a Windows drive letter
		}
		run.OriginalURIBaseIDs = map[string]ArtifactLocation{srcRoot: {URI: u.String()}}
	}
	for _, a := range analyzers {
		title, body, _ := strings.Cut(a.Doc, "\n\n")
		r := Rule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     &Message{Text: title},
			HelpURI:              a.URL,
			DefaultConfiguration: &Configuration{Level: "warning"},
		}
		if body = strings.TrimSpace(body); body != "" {
			r.FullDescription = &Message{Text: body}
		}
		b.rules[a.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
	}
	return b
}

// Add adds the diagnostic d of analyzer a, whose positions are in fset.
func (b *Builder) Add(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) {
	b.AddVet(a, vetDiagnostic(fset, d))
}

// vetDiagnostic returns d as go vet -json prints it, so that [Builder.Add]
// and [Builder.AddVet] convert positions in one way. Positions are not
// adjusted by //line directives: the log points into the files analyzed.
func vetDiagnostic(fset *token.FileSet, d analysis.Diagnostic) vetjson.Diagnostic {
	posn := func(pos token.Pos) string {
		if !pos.IsValid() {
			return ""
		}
		return fset.PositionFor(pos, false).String()
	}
	v := vetjson.Diagnostic{Posn: posn(d.Pos), End: posn(d.End), Message: d.Message}
	for _, rel := range d.Related {
		v.Related = append(v.Related, vetjson.Related{Posn: posn(rel.Pos), End: posn(rel.End), Message: rel.Message})
	}
	for _, fix := range d.SuggestedFixes {
		f := vetjson.SuggestedFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			tf := fset.File(e.Pos)
			if tf == nil {
				continue
			}
			end := e.End
			if !end.IsValid() || fset.File(end) != tf || end < e.Pos {
				end = e.Pos
			}
			f.Edits = append(f.Edits, vetjson.TextEdit{Filename: tf.Name(), Start: tf.Offset(e.Pos), End: tf.Offset(end), New: string(e.NewText)})
		}
		v.SuggestedFixes = append(v.SuggestedFixes, f)
	}
	return v
}

// AddVet adds the diagnostic d of analyzer a as go vet -json prints it:
// positions as "file:line:col" with byte columns, edits as byte offsets.
func (b *Builder) AddVet(a *analysis.Analyzer, d vetjson.Diagnostic) {
	res := b.result(a, d.Message, b.posnLocation(d.Posn, d.End))
	for i, rel := range d.Related {
		loc := b.posnLocation(rel.Posn, rel.End)
		id := i + 1
		loc.ID = &id
		loc.Message = &Message{Text: rel.Message}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	for _, fix := range d.SuggestedFixes {
		f := Fix{Description: Message{Text: fix.Message}, ArtifactChanges: []ArtifactChange{}}
		byFile := make(map[string]int)
		for _, e := range fix.Edits {
			tf := b.file(e.Filename)
			if tf == nil {
				continue // without the file, offsets cannot be converted
			}
			i, ok := byFile[e.Filename]
			if !ok {
				i = len(f.ArtifactChanges)
				byFile[e.Filename] = i
				f.ArtifactChanges = append(f.ArtifactChanges, ArtifactChange{ArtifactLocation: b.artifact(e.Filename)})
			}
			sl, sc := tf.Position(e.Start)
			el, ec := tf.Position(e.End)
			rep := Replacement{DeletedRegion: Region{StartLine: sl + 1, StartColumn: sc + 1, EndLine: el + 1, EndColumn: ec + 1}}
			if e.New != "" {
				rep.InsertedContent = &ArtifactContent{Text: e.New}
			}
			f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, rep)
		}
		if len(f.ArtifactChanges) > 0 {
			res.Fixes = append(res.Fixes, f)
		}
	}
	b.run.Results = append(b.run.Results, res)
}

// result returns a result of analyzer a at loc, adding a rule for a if it
// has none.
func (b *Builder) result(a *analysis.Analyzer, message string, loc Location) Result {
	idx, ok := b.rules[a.Name]
	if !ok {
		idx = len(b.run.Tool.Driver.Rules)
		b.rules[a.Name] = idx
		b.run.Tool.Driver.Rules = append(b.run.Tool.Driver.Rules, Rule{ID: a.Name, HelpURI: a.URL})
	}
	return Result{
		RuleID:    a.Name,
		RuleIndex: idx,
		Level:     "warning",
		Message:   Message{Text: message},
		Locations: []Location{loc},
	}
}

// posnLocation returns the location of the range posn..end, given as
// "file:line:col" with byte columns; an end that is absent or before posn
// means the range is empty.
func (b *Builder) posnLocation(posn, end string) Location {
	p, ok := vetjson.ParsePosn(posn)
	if !ok {
		return Location{PhysicalLocation: PhysicalLocation{ArtifactLocation: ArtifactLocation{URI: "unknown"}}}
	}
	e, ok := vetjson.ParsePosn(end)
	if !ok || e.File != p.File || e.Compare(p) < 0 {
		e = p
	}
	p.Col, e.Col = max(p.Col, 1), max(e.Col, 1)
	r := &Region{StartLine: p.Line, StartColumn: p.Col, EndLine: e.Line, EndColumn: e.Col}
	if f := b.file(p.File); f != nil {
		sl, sc := f.Position(f.Offset(p.Line, p.Col))
		el, ec := f.Position(f.Offset(e.Line, e.Col))
		r = &Region{StartLine: sl + 1, StartColumn: sc + 1, EndLine: el + 1, EndColumn: ec + 1}
	}
	return Location{PhysicalLocation: PhysicalLocation{ArtifactLocation: b.artifact(p.File), Region: r}}
}

// file returns the content of the named file, or nil if it cannot be read.
func (b *Builder) file(name string) *textpos.File {
	f, ok := b.files[name]
	if !ok {
		if data, err := os.ReadFile(name); err == nil {
			f = textpos.New(data)
		}
		b.files[name] = f
	}
	return f
}

func (b *Builder) artifact(name string) ArtifactLocation {
	if b.root != "" {
		if rel, err := filepath.Rel(b.root, name); err == nil && filepath.IsLocal(rel) {
			return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
		}
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(name)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	return ArtifactLocation{URI: u.String()}
}

// Error records that the run failed, with an error message: the log
// holds the results of what could be analyzed.
func (b *Builder) Error(msg string) {
	inv := b.invocation()
	inv.ExecutionSuccessful = false
	inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{Level: "error", Message: Message{Text: msg}})
}

// Warning records a notification of level "warning" about the run, such as
// a function that was not analysed, at posn ("file:line:col"). Unlike
// [Builder.Error], it leaves the run successful.
func (b *Builder) Warning(msg, posn string) {
	inv := b.invocation()
	inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
		Level:     "warning",
		Message:   Message{Text: msg},
		Locations: []Location{b.posnLocation(posn, "")},
	})
}

// invocation returns the run's invocation, made successful when new.
func (b *Builder) invocation() *Invocation {
	if len(b.run.Invocations) == 0 {
		b.run.Invocations = []Invocation{{ExecutionSuccessful: true}}
	}
	return &b.run.Invocations[0]
}

// Log returns the log built so far. A run without [Builder.Error] has an
// invocation that succeeded.
func (b *Builder) Log() *Log {
	if len(b.run.Invocations) == 0 {
		b.run.Invocations = []Invocation{{ExecutionSuccessful: true}}
	}
	return b.log
}

// Write writes l as indented JSON, followed by a newline.
func (l *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}
