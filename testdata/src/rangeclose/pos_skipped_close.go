package rangeclose

import (
	"errors"
	"strings"
)

var errEmptyPath = errors.New("empty path")

func readConfig(path string) (string, error) {
	if path == "" {
		return "", errEmptyPath
	}
	return strings.ToUpper(path), nil
}

// loadAll reads every path in a goroutine and ranges over the results;
// the goroutine gives up at the first error without closing out, and the
// range waits for a close that never comes.
func loadAll(paths []string) []string {
	out := make(chan string)
	go func() {
		for _, p := range paths {
			data, err := readConfig(p)
			if err != nil {
				return
			}
			out <- data
		}
		close(out)
	}()
	var all []string
	for d := range out { // want `range over channel out never ends when the goroutine started at line 22 returns early: it can return at line 26 without closing out`
		all = append(all, d)
	}
	return all
}

// CaseSkippedClose loads three configs, the second with an empty path.
func CaseSkippedClose() {
	_ = loadAll([]string{"a.conf", "", "c.conf"})
}
