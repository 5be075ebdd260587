package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// extraFlag stands for a flag the program defines besides the checker's.
var extraFlag = flag.Int("leakvet-test-extra", 0, "a flag of the program")

func TestParseCommandLine(t *testing.T) {
	withFlag := &analysis.Analyzer{Name: "goroutineexit"}
	withFlag.Flags.Int("depth", 3, "")
	suite := []*analysis.Analyzer{{Name: "rangeclose"}, withFlag}
	for _, tc := range []struct {
		args  string
		build string // the build flags, or the error
		rest  string
	}{
		{"./...", "", "./..."},
		{"-tags mytag ./...", "-tags=mytag", "./..."},
		{"-json -tags=a,b -mod mod -rangeclose=false ./... ./x", "-tags=a,b -mod=mod", "-json=true -rangeclose=false ./... ./x"},
		{"-c 2 -v -race -goroutineexit.depth 5 ./...", "-v=true -race=true", "-c=2 -goroutineexit.depth=5 ./..."},
		{"-format sarif -test=false ./...", "", "-format=sarif -test=false ./..."},
		{"-format=sarif -json=false ./...", "", "-format=sarif -json=false ./..."},
		{"-buildvcs=auto -p 2 ./...", "-buildvcs=auto -p=2", "./..."},
		{"-C dir ./...", "", "./..."}, // -C is not for GOFLAGS
		{"-leakvet-test-extra 4 ./...", "", "-leakvet-test-extra=4 ./..."},
		{"-leakvet-test-extra=x ./...", `error: invalid value "x"`, ""},

		{"", "error: no packages", ""},
		{"-json", "error: no packages", ""},
		{"./... -json", "error: flag -json after the packages", ""},
		{"-format=sarif -json ./...", "error: -json cannot be used with -format=sarif", ""},
		{"-json -format text ./...", "error: -json cannot be used with -format=text", ""},
		{"-json -format=json ./...", "", "-json=true -format=json ./..."},
		{"-format=sarif -c 1 ./...", "", "-format=sarif -c=1 ./..."}, // refused by the mode
		{"-format=xml ./...", `error: invalid value "xml" for flag -format`, ""},
		{"-cover ./...", "error: flag provided but not defined: -cover", ""},
		{"-p many ./...", `error: invalid value "many" for flag -p`, ""},
		{"-goroutineexit.depth=x ./...", `error: invalid value "x"`, ""},
		{"-rangeclose=maybe ./...", `error: invalid boolean value "maybe"`, ""},

		{"help rangeclose", "pass through", ""},
		{"-h", "pass through", ""},
		{"-flags", "pass through", ""},
	} {
		cl, err := parseCommandLine(strings.Fields(tc.args), suite)
		var build, rest string
		switch {
		case err == errPassThrough:
			build = "pass through"
		case err != nil:
			build = "error: " + err.Error()
		default:
			build, rest = strings.Join(cl.build, " "), strings.Join(cl.args, " ")
		}
		ok := build == tc.build
		if strings.HasPrefix(tc.build, "error: ") {
			ok = strings.HasPrefix(build, tc.build) // the message goes on
		}
		if !ok || rest != tc.rest {
			t.Errorf("parseCommandLine(%q):\n got build %q, rest %q\nwant build %q, rest %q", tc.args, build, rest, tc.build, tc.rest)
		}
	}
}

func TestGoflags(t *testing.T) {
	for _, tc := range []struct {
		env   string
		build []string
		want  string
	}{
		{"", []string{"-tags=a,b"}, "-tags=a,b"},
		{"-mod=mod", []string{"-tags=x", "-mod=readonly"}, "-mod=mod -tags=x -mod=readonly"},
		{"", []string{"-gcflags=all=-N -l"}, "'-gcflags=all=-N -l'"},
		{"", []string{"-ldflags=-X 'main.v=1'"}, `"-ldflags=-X 'main.v=1'"`},
		{"", []string{`-ldflags=-X 'a' "b"`}, "error"},
	} {
		cl := &commandLine{build: tc.build}
		got, err := cl.goflags(tc.env)
		if err != nil {
			got = "error"
		}
		if got != tc.want {
			t.Errorf("goflags(%q) with %q = %q, want %q", tc.env, tc.build, got, tc.want)
		}
	}
}

// TestBuildFlagsOfGoVet checks the list of build flags against the go
// command's: every flag of "go help build" is in it, but those go vet
// refuses (the -cover flags and -o) and -json (leakvet's own).
func TestBuildFlagsOfGoVet(t *testing.T) {
	out, err := exec.Command("go", "help", "build").Output()
	if err != nil {
		t.Fatalf("go help build: %v", err)
	}
	notForVet := map[string]bool{"cover": true, "covermode": true, "coverpkg": true, "o": true, "json": true}
	documented := regexp.MustCompile(`(?m)^\t-([a-zA-Z][a-z-]*)`).FindAllStringSubmatch(string(out), -1)
	if len(documented) < 20 {
		t.Fatalf("go help build lists %d flags: %s", len(documented), out)
	}
	for _, m := range documented {
		if _, ok := buildFlags[m[1]]; !ok && !notForVet[m[1]] {
			t.Errorf("go help build documents -%s, which buildFlags lacks", m[1])
		}
	}
}

func TestShortPosn(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	here := filepath.Join(wd, "cli.go")
	for _, tc := range []struct{ in, want string }{
		{here + ":10:2", "cli.go:10:2"},
		{here + ":10", "cli.go:10"},
		{"/nonexistent/dir/x.go:1:1", "/nonexistent/dir/x.go:1:1"},
		{"cli.go:3:4", "cli.go:3:4"},
		{"-", "-"},
	} {
		if got := shortPosn(tc.in); got != tc.want {
			t.Errorf("shortPosn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := shortLine(here+":10:2: a message: x.go:1:1: more\n"), "cli.go:10:2: a message: x.go:1:1: more\n"; got != want {
		t.Errorf("shortLine = %q, want %q", got, want)
	}
}
