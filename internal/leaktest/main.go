package leaktest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
)

//go:embed usage.txt
var usage string

// Main runs "leakvet test ARGS" (args[0] is "test") or "leakvet help
// test", and returns the exit code. The running executable, which must be
// leakvet, is run again with -json for the static findings.
func Main(prog string, args []string, stdout, stderr io.Writer) int {
	if args[0] == "help" {
		fmt.Fprint(stdout, strings.ReplaceAll(usage, "leakvet ", prog+" "))
		return exitClean
	}
	args = args[1:]
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(stdout, strings.ReplaceAll(usage, "leakvet ", prog+" "))
			return exitClean
		}
		if a == "-args" || a == "--args" {
			break
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s test: %v\n", prog, err)
		return exitError
	}
	cwd, _ := os.Getwd()
	cfg := Config{Stderr: stderr, Findings: vetFindings(self)}
	res, a, err := Run(ctx, cfg, args)
	if err != nil {
		fmt.Fprintf(stderr, "%s test: %v\n", prog, err)
		if a == nil {
			return exitUsage
		}
		return exitError
	}
	switch {
	case a.json:
		err = res.writeJSON(stdout)
	case a.sarif:
		err = res.writeSARIF(stdout, cwd)
	default:
		res.writeText(stdout, cwd)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s test: %v\n", prog, err)
		return exitError
	}
	return res.exitCode()
}

// vetFindings returns a Findings function that runs the leakvet
// executable with -json.
func vetFindings(self string) func(context.Context, string, []string) ([]Finding, error) {
	return func(ctx context.Context, dir string, patterns []string) ([]Finding, error) {
		cmd := exec.CommandContext(ctx, self, append([]string{"-json"}, patterns...)...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return nil, errors.New(msg)
			}
			return nil, err
		}
		return decodeFindings(bytes.NewReader(out))
	}
}

// decodeFindings reads the JSON trees leakvet -json prints
// ({"package": {"analyzer": [diagnostic...]}}, possibly several), and
// returns the findings. An analyzer's error ({"error": "..."}) is an error.
func decodeFindings(r io.Reader) ([]Finding, error) {
	var findings []Finding
	var errs []error
	dec := json.NewDecoder(r)
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("reading leakvet -json: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []Finding
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						errs = append(errs, fmt.Errorf("%s: %s: %s", pkg, analyzer, e.Error))
						continue
					}
					return nil, fmt.Errorf("reading leakvet -json: %v", err)
				}
				for _, d := range diags {
					d.Analyzer = analyzer
					findings = append(findings, d)
				}
			}
		}
	}
	return sortFindings(findings), errors.Join(errs...)
}
