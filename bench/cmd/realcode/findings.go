package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/internal/vetjson"
)

// Finding is one diagnostic of leakvet on a module, with its verdict from
// the triage file.
type Finding struct {
	Module   string    `json:"module"`
	Version  string    `json:"version"`
	Package  string    `json:"package"`
	File     string    `json:"file"` // slash-separated, relative to the module root
	Line     int       `json:"line"`
	Col      int       `json:"col"`
	Analyzer string    `json:"analyzer"`
	Category string    `json:"category,omitempty"`
	Message  string    `json:"message"`
	Related  []Related `json:"related,omitempty"`
	Fix      bool      `json:"fix,omitempty"` // carries a suggested fix

	Verdict string `json:"verdict,omitempty"` // "TP" or "FP", from triage.tsv
	Reason  string `json:"reason,omitempty"`
}

// Related is a related position of a finding.
type Related struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// Where returns the finding's position as file:line.
func (f *Finding) Where() string { return fmt.Sprintf("%s:%d", f.File, f.Line) }

// parseJSON reads the output of "leakvet -json" on module mi. Each
// finding is kept once (see [vetjson.Findings]), ordered by position.
func parseJSON(data []byte, mi ModInfo) ([]Finding, []string, error) {
	found, vetErrs, err := vetjson.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	var errs []string
	for _, e := range vetErrs {
		errs = append(errs, e.Error())
	}
	var findings []Finding
	for _, d := range found {
		f := Finding{
			Module:   mi.Path,
			Version:  mi.Version,
			Package:  strings.Fields(d.Package)[0],
			Analyzer: d.Analyzer,
			Category: d.Category,
			Message:  d.Message,
			Fix:      len(d.SuggestedFixes) > 0,
		}
		f.File, f.Line, f.Col = splitPosn(d.Posn, mi.Dir)
		for _, r := range d.Related {
			file, line, col := splitPosn(r.Posn, mi.Dir)
			f.Related = append(f.Related, Related{fmt.Sprintf("%s:%d:%d", file, line, col), r.Message})
		}
		findings = append(findings, f)
	}
	// Ordered by the file names relative to the module.
	slices.SortStableFunc(findings, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.File, b.File), a.Line-b.Line, a.Col-b.Col)
	})
	return findings, errs, nil
}

// splitPosn splits "file:line:col" and makes file relative to dir.
func splitPosn(posn, dir string) (string, int, int) {
	p, ok := vetjson.ParsePosn(posn)
	if !ok {
		return posn, 0, 0
	}
	file := p.File
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return file, p.Line, p.Col
}

// Verdict is one row of the triage file.
type Verdict struct {
	Module, Version, Where, Analyzer, Verdict, Reason string
}

func triageKey(module, version, where, analyzer string) string {
	return module + "@" + version + " " + where + " " + analyzer
}

// readTriage reads triage.tsv: tab-separated module, version, file:line,
// analyzer, verdict (TP or FP) and reason; "#" starts a comment line.
func readTriage(file string) (map[string]Verdict, error) {
	out := make(map[string]Verdict)
	f, err := os.Open(file)
	if os.IsNotExist(err) {
		return out, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "module\t") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 6 {
			return nil, fmt.Errorf("%s:%d: want 6 tab-separated columns, have %d", file, n, len(c))
		}
		v := Verdict{c[0], c[1], c[2], c[3], c[4], c[5]}
		if v.Verdict != "TP" && v.Verdict != "FP" {
			return nil, fmt.Errorf("%s:%d: verdict %q is neither TP nor FP", file, n, v.Verdict)
		}
		out[triageKey(v.Module, v.Version, v.Where, v.Analyzer)] = v
	}
	return out, sc.Err()
}

// judge copies the verdicts of the triage file into the findings.
func judge(findings []Finding, triage map[string]Verdict) {
	for i := range findings {
		f := &findings[i]
		if v, ok := triage[triageKey(f.Module, f.Version, f.Where(), f.Analyzer)]; ok {
			f.Verdict, f.Reason = v.Verdict, v.Reason
		}
	}
}

// untriagedTSV returns rows for triage.tsv for the findings it lacks, with
// the verdict left as "?" and the message as the reason.
func untriagedTSV(findings []Finding) string {
	var b strings.Builder
	seen := make(map[string]bool)
	for _, f := range findings {
		k := triageKey(f.Module, f.Version, f.Where(), f.Analyzer)
		if f.Verdict != "" || seen[k] {
			continue
		}
		seen[k] = true
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t?\t%s\n", f.Module, f.Version, f.Where(), f.Analyzer, f.Message)
	}
	return b.String()
}

// precision counts the judged findings.
func precision(findings []Finding) (tp, fp, untriaged int) {
	for _, f := range findings {
		switch f.Verdict {
		case "TP":
			tp++
		case "FP":
			fp++
		default:
			untriaged++
		}
	}
	return
}
