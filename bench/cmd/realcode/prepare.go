package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ToolInfo records the versions of the tools measured.
type ToolInfo struct {
	Leakvet     string   `json:"leakvet"` // commit of the repository, "+dirty" for local changes
	Analyzers   []string `json:"analyzers"`
	Staticcheck string   `json:"staticcheck,omitempty"`
	Vet         string   `json:"vet"`
}

// tools holds the paths of the binaries measured.
type tools struct {
	info        ToolInfo
	leakvet     string
	staticcheck string
	vet         string
	tmp         string // directory for the per-run copies of the tools
}

// goEnv is the environment of every go command run: the toolchain that
// runs this program, never another one downloaded on request of a go.mod,
// and no workspace.
func goEnv(extra ...string) []string {
	return append(os.Environ(), append([]string{"GOTOOLCHAIN=local", "GOWORK=off"}, extra...)...)
}

// command runs name with args in dir and returns its standard output; the
// error includes its standard error.
func command(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

func buildTools(c *config) (*tools, error) {
	bin := filepath.Join(c.work, "bin")
	t := &tools{
		leakvet: filepath.Join(bin, "leakvet"),
		tmp:     filepath.Join(c.work, "tmp"),
	}
	os.RemoveAll(t.tmp)
	if err := os.MkdirAll(t.tmp, 0o755); err != nil {
		return nil, err
	}

	log.Printf("building leakvet from %s", c.repo)
	if _, err := command(c.repo, goEnv(), "go", "build", "-o", t.leakvet, "./cmd/leakvet"); err != nil {
		return nil, err
	}
	t.info.Leakvet = "unknown"
	if out, err := command(c.repo, os.Environ(), "git", "describe", "--always", "--dirty=+dirty", "--abbrev=12"); err == nil {
		t.info.Leakvet = strings.TrimSpace(out)
	}
	// The analyzers are listed by -h, between "# Analyzers" and "Run '".
	help, _ := command(c.repo, os.Environ(), t.leakvet, "-h")
	_, rest, _ := strings.Cut(help, "# Analyzers\n")
	rest, _, _ = strings.Cut(rest, "\nRun '")
	for _, line := range strings.Split(rest, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			t.info.Analyzers = append(t.info.Analyzers, f[0])
		}
	}

	gotooldir, err := command(c.work, goEnv(), "go", "env", "GOTOOLDIR")
	if err != nil {
		return nil, err
	}
	t.vet = filepath.Join(strings.TrimSpace(gotooldir), "vet")
	v, _ := command(c.work, goEnv(), t.vet, "-V=full")
	t.info.Vet = strings.TrimSpace(v)

	if c.needs(toolStaticcheck) {
		log.Printf("installing honnef.co/go/tools/cmd/staticcheck@%s", c.staticcheck)
		env := goEnv("GOBIN="+bin, "GOFLAGS=")
		if _, err := command(c.work, env, "go", "install", "honnef.co/go/tools/cmd/staticcheck@"+c.staticcheck); err != nil {
			return nil, err
		}
		t.staticcheck = filepath.Join(bin, "staticcheck")
		v, err := command(c.work, os.Environ(), t.staticcheck, "-version")
		if err != nil {
			return nil, err
		}
		t.info.Staticcheck = strings.TrimSpace(v)
	}
	return t, nil
}

func (c *config) needs(tool string) bool {
	for _, t := range c.tools {
		if t == tool {
			return true
		}
	}
	return false
}

// freshCopy copies the tool at src to a new file whose name and contents
// are new, so that go vet sees a tool it has never run: for the toolchain's
// vet the tool ID is the name the binary prints, for a unitchecker binary
// it is a hash of the binary.
func (t *tools) freshCopy(src, name string) (string, error) {
	nonce := fmt.Sprintf("%x", randomUint64())
	dst := filepath.Join(t.tmp, name+"-"+nonce)
	data, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	data = append(data, []byte("\x00realcode "+nonce)...)
	return dst, os.WriteFile(dst, data, 0o755)
}

// prepare makes a writable copy of module m in the scratch directory, with
// its dependencies downloaded, and describes it.
func prepare(c *config, m Module) (ModInfo, error) {
	mi := ModInfo{Module: m, Dir: filepath.Join(c.work, "src", m.Name+"@"+m.Version)}
	stamp := filepath.Join(mi.Dir, ".realcode-ready")
	notes := filepath.Join(mi.Dir, ".realcode-notes")
	if _, err := os.Stat(stamp); err != nil {
		log.Printf("%s: fetching %s@%s", m.Name, m.Path, m.Version)
		if err := fetch(c, m, mi.Dir, notes); err != nil {
			return mi, err
		}
		if err := os.WriteFile(stamp, nil, 0o644); err != nil {
			return mi, err
		}
	}
	if data, err := os.ReadFile(notes); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if line != "" {
				mi.Notes = append(mi.Notes, line)
			}
		}
	}
	return mi, count(&mi)
}

func fetch(c *config, m Module, dir, notesFile string) error {
	out, err := command(c.work, goEnv("GOFLAGS="), "go", "mod", "download", "-json", m.Path+"@"+m.Version)
	if err != nil {
		return err
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &dl); err != nil {
		return err
	}
	if dl.Error != "" {
		return fmt.Errorf("go mod download: %s", dl.Error)
	}
	os.RemoveAll(dir)
	if err := copyTree(dl.Dir, dir); err != nil {
		return err
	}

	// Replacements by local directories point outside the module's zip
	// (etcd's sibling modules): use the required versions from the proxy.
	var notes []string
	out, err = command(dir, goEnv(), "go", "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var gomod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal([]byte(out), &gomod); err != nil {
		return err
	}
	var dropped []string
	for _, r := range gomod.Replace {
		if r.New.Version == "" { // a directory
			old := r.Old.Path
			if r.Old.Version != "" {
				old += "@" + r.Old.Version
			}
			if _, err := command(dir, goEnv(), "go", "mod", "edit", "-dropreplace="+old); err != nil {
				return err
			}
			dropped = append(dropped, old)
		}
	}
	if len(dropped) > 0 {
		notes = append(notes, fmt.Sprintf("the replace directives of %s by local directories are dropped: the required versions are used", strings.Join(dropped, ", ")))
	}

	// Download what ./... needs, tests included, and record packages that
	// cannot be loaded.
	mod := "-mod=readonly"
	if len(dropped) > 0 {
		mod = "-mod=mod" // go.sum lacks the sums of the formerly replaced modules
	}
	log.Printf("%s: downloading dependencies", m.Name)
	out, err = command(dir, goEnv("GOFLAGS="+mod), "go", "list", "-e", "-deps", "-test",
		"-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}", "./...")
	if err != nil {
		return err
	}
	for _, line := range strings.Split(out, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			notes = append(notes, "load error: "+line)
		}
	}
	return os.WriteFile(notesFile, []byte(strings.Join(notes, "\n")+"\n"), 0o644)
}

// copyTree copies the files of src to dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// count fills in the number of packages, Go files and lines that ./...
// covers in the default build configuration, tests included.
func count(mi *ModInfo) error {
	out, err := command(mi.Dir, goEnv(), "go", "list", "-e",
		"-f", "{{.Dir}}{{range .GoFiles}} {{.}}{{end}}{{range .CgoFiles}} {{.}}{{end}}{{range .TestGoFiles}} {{.}}{{end}}{{range .XTestGoFiles}} {{.}}{{end}}",
		"./...")
	if err != nil {
		return err
	}
	mi.Packages, mi.GoFiles, mi.GoLines = 0, 0, 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		mi.Packages++
		for _, name := range f[1:] {
			n, err := countLines(filepath.Join(f[0], name))
			if err != nil {
				return err
			}
			mi.GoFiles++
			mi.GoLines += n
		}
	}
	return nil
}

func countLines(file string) (int, error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}
