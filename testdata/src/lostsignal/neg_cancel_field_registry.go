package lostsignal

import (
	"context"
	"sync"
)

// watch waits for changes until its context is done.
type watch struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (w *watch) wait() { <-w.ctx.Done() }

var (
	watchesMu sync.Mutex
	watches   = map[string]*watch{}
)

// addWatch keeps the watch in a registry, from which closeWatches cancels it.
func addWatch(key string) {
	w := &watch{}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	watchesMu.Lock()
	watches[key] = w
	watchesMu.Unlock()
	go w.wait()
}

func closeWatches() {
	watchesMu.Lock()
	defer watchesMu.Unlock()
	for k, w := range watches {
		w.cancel()
		delete(watches, k)
	}
}

// CaseCancelFieldRegistry adds a watch and closes every watch.
func CaseCancelFieldRegistry() {
	addWatch("/config")
	closeWatches()
}
