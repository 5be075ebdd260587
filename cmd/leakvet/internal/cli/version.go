package cli

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionFlag is -V. "-V" prints the version of the binary:
//
//	leakvet version v1.2.0 go1.26.8 linux/amd64
//
// and "-V=full" the line that go vet keys its cache with, which ends in a
// hash of the binary:
//
//	leakvet version v1.2.0 go1.26.8 linux/amd64 buildID=5c0f…
//
// The go command (toolID in cmd/go/internal/work/buildid.go) takes the
// whole line as the tool's identity, or, when the third word contains
// "devel", the last word, which must then start with "buildID=". Ending
// every line with a hash of the executable satisfies both, and makes the
// identity change whenever the binary does, even when its version does
// not (a rebuild from modified sources, another toolchain), so that go
// vet never serves results cached for another build.
//
// It is registered before multichecker and unitchecker register theirs,
// which then step aside (see addVersionFlag in
// golang.org/x/tools/go/analysis/internal/analysisflags): theirs accepts
// only -V=full and prints a placeholder version.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }

func (versionFlag) Set(s string) error {
	var full bool
	switch s {
	case "true":
	case "full":
		full = true
	default:
		return fmt.Errorf("want -V or -V=full")
	}
	line, err := versionLine(full)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: -V=full: %v\n", progName(), err)
		os.Exit(1)
	}
	fmt.Println(line)
	os.Exit(0)
	return nil
}

// versionLine returns what -V (full false) or -V=full prints.
func versionLine(full bool) (string, error) {
	v, goVersion := moduleVersion()
	line := fmt.Sprintf("%s version %s %s %s/%s", progName(), v, goVersion, runtime.GOOS, runtime.GOARCH)
	if !full {
		return line, nil
	}
	id, err := executableHash()
	if err != nil {
		return "", err
	}
	return line + " buildID=" + id, nil
}

// moduleVersion returns the version of the main module the binary was
// built from, "devel" when it was built without one (go build in a
// checkout with -buildvcs=false), and the Go version it was built with.
func moduleVersion() (version, goVersion string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel", runtime.Version()
	}
	version = bi.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	return version, bi.GoVersion
}

// executableHash returns the SHA-256 of the running executable, in hex.
func executableHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// progName is the program's name as the user ran it, one word (the go
// command splits the -V=full line into words).
func progName() string {
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	if name == "" || strings.ContainsAny(name, " \t\r\n") {
		return "leakvet"
	}
	return name
}
