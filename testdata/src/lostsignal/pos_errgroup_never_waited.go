package lostsignal

import (
	"time"

	"golang.org/x/sync/errgroup"
)

//oracle:goleak the un-waited goroutine is asleep, not blocked on a primitive, so it merely outlives its caller: judged by the goroutine still running after the case returned

// refreshAll refreshes the mirrors in a group, but never waits for it.
func refreshAll(mirrors []string) {
	var g errgroup.Group
	for _, m := range mirrors {
		g.Go(func() error { // want `g.Wait is never called: the goroutine started by g.Go is never waited for, outlives refreshAll, and its error is lost`
			time.Sleep(10 * time.Second)
			_ = m
			return nil
		})
	}
}

// CaseErrgroupNeverWaited leaves the refresh running.
func CaseErrgroupNeverWaited() {
	refreshAll([]string{"eu"})
}
