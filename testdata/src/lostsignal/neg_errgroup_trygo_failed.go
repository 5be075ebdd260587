package lostsignal

import (
	"errors"

	"golang.org/x/sync/errgroup"
)

var errBusy = errors.New("busy")

// reindex starts one job with TryGo, returns at once when TryGo did not
// start it (there is nothing to wait for then), and waits for it
// otherwise.
func reindex() error {
	var g errgroup.Group
	g.SetLimit(1)
	if !g.TryGo(func() error { return nil }) {
		return errBusy
	}
	return g.Wait()
}

// CaseErrgroupTrygoFailed reindexes.
func CaseErrgroupTrygoFailed() {
	_ = reindex()
}
