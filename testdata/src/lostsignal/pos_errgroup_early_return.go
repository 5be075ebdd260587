package lostsignal

import (
	"errors"
	"time"

	"golang.org/x/sync/errgroup"
)

//oracle:goleak the goroutines started before the early return sleep rather than block: judged by the goroutines still running after the case returned

// convertAll converts files in a group, but returns in the middle of the
// loop when a name is invalid, without waiting for the conversions
// already started.
func convertAll(files []string) error {
	var g errgroup.Group
	for _, f := range files {
		if f == "" {
			return errors.New("empty file name")
		}
		g.Go(func() error { // want `g.Wait is not called on the path that returns at line 19: the goroutine started by g.Go is never waited for, outlives convertAll, and its error is lost`
			time.Sleep(10 * time.Second)
			return nil
		})
	}
	return g.Wait()
}

// CaseErrgroupEarlyReturn hits the invalid name after one conversion
// started.
func CaseErrgroupEarlyReturn() {
	_ = convertAll([]string{"a.png", ""})
}
