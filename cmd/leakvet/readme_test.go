package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestReadmeVetCommands runs every go vet command of the README that names
// leakvet as its tool, in testdata/seed: with leakvet missing it must fail
// (an empty -vettool= would run go vet's own analyzers and pass), and with
// leakvet on PATH, report the seed's leak.
func TestReadmeVetCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	cmds := readmeVetCommands(t)
	if len(cmds) == 0 {
		t.Fatal("the README shows no go vet -vettool= command")
	}
	e := newEnv(t)
	seed := e.dir("seed")
	noLeakvet := filepath.Dir(e.goCmd) + string(filepath.ListSeparator) + "/usr/bin:/bin"
	withLeakvet := filepath.Dir(e.bin) + string(filepath.ListSeparator) + noLeakvet
	run := func(path, cmd string) result {
		return e.withPath(path).run(t, seed, sh, "-c", cmd)
	}
	if r := run(noLeakvet, "command -v leakvet"); r.code == 0 {
		t.Skipf("leakvet is installed in %s", noLeakvet)
	}
	for _, cmd := range cmds {
		t.Run(cmd, func(t *testing.T) {
			if r := run(noLeakvet, cmd); r.code == 0 {
				t.Errorf("succeeds without leakvet\n%s", r)
			}
			if !strings.Contains(cmd, "command -v leakvet") {
				return // the form for a tool of the module: leakvet is not one of seed's
			}
			r := run(withLeakvet, cmd)
			if r.code != 1 || !strings.Contains(r.stderr, "range over channel input never ends") {
				t.Errorf("want exit code 1 and the seed's finding\n%s", r)
			}
		})
	}
}

// readmeVetCommands returns the go vet commands of the README that run
// leakvet: from "go vet -vettool=" to the end of the line or of the inline
// code span, those that find leakvet with the shell's $(...).
func readmeVetCommands(t *testing.T) []string {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	for _, l := range lines(string(data)) {
		i := strings.Index(l, "go vet -vettool=")
		if i < 0 || !strings.HasPrefix(strings.Trim(l[i+len("go vet -vettool="):], `"`), "$(") {
			continue // not a command, or not one the shell expands
		}
		cmd := l[i:]
		if i > 0 && l[i-1] == '`' {
			cmd, _, _ = strings.Cut(cmd, "`")
		}
		cmd, _, _ = strings.Cut(cmd, " #") // a trailing comment
		cmds = append(cmds, strings.TrimSpace(cmd))
	}
	return cmds
}

// withPath returns a copy of e whose commands run with PATH set to path.
func (e *env) withPath(path string) *env {
	e2 := *e
	e2.environ = slices.DeleteFunc(slices.Clone(e.environ), func(kv string) bool { return strings.HasPrefix(kv, "PATH=") })
	e2.environ = append(e2.environ, "PATH="+path)
	return &e2
}

// TestReadmeNeovim runs each Neovim configuration of the README as the
// init.lua of a headless Neovim (the one on PATH), with leakvet on PATH,
// opens a Go file, and checks that leakvet's findings appear. A
// configuration that needs a later Neovim than the one installed is
// skipped, but one at least must run.
func TestReadmeNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("LEAKVET_REQUIRE_NVIM") != "" {
			t.Fatal("nvim not found, and LEAKVET_REQUIRE_NVIM is set")
		}
		t.Skip("nvim not found")
	}
	out, err := exec.Command(nvim, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`NVIM v0\.(\d+)\.`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("nvim --version: %s", out)
	}
	minor, _ := strconv.Atoi(string(m[1]))

	configs := readmeLua(t)
	if len(configs) == 0 {
		t.Fatal("the README shows no Neovim configuration")
	}
	e := newEnv(t)
	e = e.withPath(filepath.Dir(e.bin) + string(filepath.ListSeparator) + os.Getenv("PATH"))
	supp := e.dir("suppress")
	suppFile := filepath.Join(supp, "leaks.go")
	init, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for i, config := range configs {
		// vim.lsp.start and vim.fs came with Neovim 0.8.
		if (strings.Contains(config, "vim.lsp.start(") || strings.Contains(config, "vim.fs.")) && minor < 8 {
			t.Logf("configuration %d needs Neovim 0.8 or later; nvim is %s", i+1, strings.SplitN(string(out), "\n", 2)[0])
			continue
		}
		ran++
		t.Run(itoa(i+1), func(t *testing.T) {
			dir := t.TempDir()
			configFile := filepath.Join(dir, "config.lua")
			if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
				t.Fatal(err)
			}
			outFile := filepath.Join(dir, "diagnostics.json")
			start := time.Now()
			r := e.withEnv("LEAKVET_CONFIG="+configFile, "LEAKVET_FILE="+suppFile, "LEAKVET_OUT="+outFile,
				"XDG_CONFIG_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir()).
				run(t, supp, nvim, "--headless", "-n", "-i", "NONE", "-u", init)
			if r.code != 0 {
				t.Fatalf("nvim failed\n%s", r)
			}
			var diags []struct {
				Lnum    int
				Message string
				Source  string
			}
			if err := json.Unmarshal([]byte(readFile(t, outFile)), &diags); err != nil {
				t.Fatalf("%v: %s", err, readFile(t, outFile))
			}
			if len(diags) != len(suppressWant) {
				t.Fatalf("Neovim shows %d diagnostics, want %d: %+v\n%s", len(diags), len(suppressWant), diags, r)
			}
			for _, d := range diags {
				if d.Source != "leakvet" {
					t.Errorf("diagnostic from %q, want leakvet: %+v", d.Source, d)
				}
			}
			t.Logf("Neovim showed leakvet's diagnostics in %v", time.Since(start))
		})
	}
	if ran == 0 {
		t.Errorf("the README has no Neovim configuration for the installed Neovim 0.%d", minor)
	}
}

// withEnv returns a copy of e whose commands run with the variables kv
// added to the environment.
func (e *env) withEnv(kv ...string) *env {
	e2 := *e
	e2.environ = append(slices.Clone(e.environ), kv...)
	return &e2
}

// readmeLua returns the Lua code blocks of the README.
func readmeLua(t *testing.T) []string {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	rest := string(data)
	for {
		_, after, ok := strings.Cut(rest, "\n```lua\n")
		if !ok {
			return blocks
		}
		block, after, _ := strings.Cut(after, "\n```\n")
		blocks = append(blocks, block+"\n")
		rest = after
	}
}

// TestReadmeClone checks the README's commands for a clone of the
// repository: go install and go run work from the checkout (leakvet finds
// the seed's leak), and the test command is the one .ci/run runs.
func TestReadmeClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(data), "\ngit clone ")
	if !ok {
		t.Fatal("the README shows no git clone")
	}
	block, _, _ = strings.Cut(block, "\n```")
	var cmds []string
	for _, l := range lines(block)[1:] { // after git clone
		cmd, _, _ := strings.Cut(l, "#")
		cmds = append(cmds, strings.TrimSpace(cmd))
	}

	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	ciTest := regexp.MustCompile(`(?m)^go test [^|]*\./\.\.\.`).Find(ci)
	if ciTest == nil {
		t.Fatal(".ci/run runs no go test ./... of the module")
	}
	if !slices.Contains(cmds, string(ciTest)) {
		t.Errorf("the README's commands for a clone %q do not include .ci/run's %q", cmds, ciTest)
	}

	e := newEnv(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	seed := e.dir("seed")
	gobin := t.TempDir()
	// The module's own dependencies come from the module cache; GOFLAGS
	// and GOPROXY are the environment's, as on the user's machine.
	clone := e.withEnv("GOBIN="+gobin, "GOFLAGS="+os.Getenv("GOFLAGS"), "GOPROXY="+goEnv(t, "GOPROXY"))
	var installed, ran bool
	for _, cmd := range cmds {
		args := strings.Fields(strings.ReplaceAll(cmd, "~/src/yourmodule", seed))
		switch {
		case strings.HasPrefix(cmd, "go install "):
			if r := clone.run(t, root, "go", args[1:]...); r.code != 0 {
				t.Fatalf("failed\n%s", r)
			}
			installed = true
			if r := e.run(t, seed, filepath.Join(gobin, "leakvet"), "./..."); r.code != 3 {
				t.Errorf("the installed leakvet: want exit code 3\n%s", r)
			}
		case strings.HasPrefix(cmd, "go run "):
			r := clone.run(t, root, "go", args[1:]...)
			if r.code != 1 || !strings.Contains(r.stderr, "range over channel input never ends") || !strings.Contains(r.stderr, "exit status 3") {
				t.Errorf("want the seed's finding and exit status 3\n%s", r)
			}
			ran = true
		}
	}
	if !installed || !ran {
		t.Errorf("the README's commands for a clone %q lack go install or go run", cmds)
	}
}

// goEnv returns the value of go env name for the tests' go command.
func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}
