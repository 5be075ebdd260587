package lostsignal

import "golang.org/x/sync/errgroup"

// pingAll waits for the group with a deferred call, on every path (the
// error of Wait is dropped on purpose: every ping logs its own).
func pingAll(hosts []string) int {
	var g errgroup.Group
	defer g.Wait()
	for _, h := range hosts {
		if h == "" {
			return 0
		}
		g.Go(func() error { return nil })
	}
	return len(hosts)
}

// CaseErrgroupDeferWait returns early, but the deferred Wait still runs.
func CaseErrgroupDeferWait() {
	pingAll([]string{"a", ""})
}
