package lostsignal

import "os"

//oracle:skip the watcher started by init lives as long as the process by design; with LOSTSIGNAL_WATCH unset init starts nothing, and when set it would run in every case's process

// startConfigWatcher watches the configuration until stopped.
func startConfigWatcher(changes <-chan string) (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-changes:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// init starts a process-wide watcher and never stops it: a daemon, not a
// leak.
func init() {
	if os.Getenv("LOSTSIGNAL_WATCH") != "" {
		startConfigWatcher(make(chan string))
	}
}
