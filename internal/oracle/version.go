package oracle

import (
	"go/build"
	"go/build/constraint"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// NewerGoCases returns the case files of a corpus directory that this
// toolchain leaves out only because their //go:build line asks for a newer
// Go release (a case using generic methods has //go:build go1.27), mapped
// to that line. The oracle test lists them as skipped, so that a run on an
// older Go says what it did not check instead of passing over it.
func NewerGoCases(dir string) (map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	newer := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || ok {
			continue
		}
		line, expr := goBuildLine(filepath.Join(dir, name))
		if expr == nil {
			continue
		}
		// Satisfied when every release is, on this platform.
		if expr.Eval(func(tag string) bool {
			return strings.HasPrefix(tag, "go1.") || tag == runtime.GOOS || tag == runtime.GOARCH ||
				slices.Contains(build.Default.ToolTags, tag) || tag == "unix" && build.Default.GOOS != "windows"
		}) {
			newer[name] = line
		}
	}
	return newer, nil
}

// goBuildLine returns the //go:build line of a Go file and its expression.
func goBuildLine(path string) (string, constraint.Expr) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil
	}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "package ") {
			break
		}
		if constraint.IsGoBuild(l) {
			expr, err := constraint.Parse(l)
			if err != nil {
				return "", nil
			}
			return l, expr
		}
	}
	return "", nil
}
