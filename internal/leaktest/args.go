package leaktest

import (
	"fmt"
	"strings"
)

// valueFlags are the go test and build flags that take a value as the
// next argument when written without "=".
var valueFlags = map[string]bool{
	"bench": true, "benchtime": true, "blockprofile": true, "blockprofilerate": true, "count": true,
	"coverprofile": true, "covermode": true, "coverpkg": true, "cpu": true, "cpuprofile": true,
	"exec": true, "fuzz": true, "fuzzminimizetime": true, "fuzztime": true, "list": true,
	"memprofile": true, "memprofilerate": true, "mutexprofile": true, "mutexprofilefraction": true,
	"o": true, "outputdir": true, "parallel": true, "run": true, "shuffle": true, "skip": true,
	"timeout": true, "trace": true, "vet": true,
	"C": true, "p": true, "asmflags": true, "buildmode": true, "buildvcs": true, "compiler": true,
	"gccgoflags": true, "gcflags": true, "installsuffix": true, "ldflags": true, "mod": true,
	"modfile": true, "overlay": true, "pgo": true, "pkgdir": true, "tags": true, "toolexec": true,
}

// refused are flags leakvet test cannot honour: it needs -overlay and
// -ldflags for itself (an -ldflags of the user's is kept, see [split]),
// and the others do not run the tests.
var refused = map[string]string{
	"overlay": "leakvet test adds its own overlay",
	"c":       "leakvet test must run the tests",
	"o":       "leakvet test must run the tests",
	"fuzz":    "fuzzing is not supported",
}

// args is a command line of leakvet test, taken apart.
type args struct {
	// goFlags are passed to go test as they are.
	goFlags []string
	// ldflags is the value of the user's -ldflags, if any.
	ldflags string
	// count reports whether the user gave -count.
	count bool
	// packages are the package patterns.
	packages []string
	// testArgs follow -args.
	testArgs []string
	// json and sarif select leakvet's output format.
	json, sarif bool
}

// parseArgs splits the command line into go test flags, which must come
// first, as for go test, and packages. leakvet's own flags are -json and
// -format=text|json|sarif.
func parseArgs(list []string) (*args, error) {
	a := &args{}
	for i := 0; i < len(list); i++ {
		arg := list[i]
		if arg == "-args" || arg == "--args" {
			a.testArgs = list[i+1:]
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			a.packages = append(a.packages, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !hasValue && valueFlags[name] {
			if i+1 >= len(list) {
				return nil, fmt.Errorf("flag -%s needs a value", name)
			}
			i++
			value, hasValue = list[i], true
		}
		if why, ok := refused[name]; ok {
			return nil, fmt.Errorf("flag -%s: %s", name, why)
		}
		switch name {
		case "json":
			a.json = !hasValue || value == "true"
			continue
		case "format":
			switch value {
			case "text":
			case "json":
				a.json = true
			case "sarif":
				a.sarif = true
			default:
				return nil, fmt.Errorf("flag -format: unknown format %q (text, json or sarif)", value)
			}
			continue
		case "ldflags":
			a.ldflags = value
			continue
		case "count":
			a.count = true
		}
		if hasValue {
			a.goFlags = append(a.goFlags, "-"+name+"="+value)
		} else {
			a.goFlags = append(a.goFlags, "-"+name)
		}
	}
	if len(a.packages) == 0 {
		a.packages = []string{"."}
	}
	return a, nil
}
