package rangeclose

import (
	"sync"

	"rangeclose/closer"
)

// CaseMapHandedToOtherPackage keeps one log stream per level in a map;
// each stream is drained by its own goroutine and, at the end, handed to
// another package's helper that closes it.
func CaseMapHandedToOtherPackage() {
	streams := make(map[string]chan string)
	var wg sync.WaitGroup
	for _, level := range []string{"info", "warn"} {
		s := make(chan string)
		streams[level] = s
		wg.Add(1)
		go func() {
			defer wg.Done()
			for line := range s {
				_ = level + ": " + line
			}
		}()
	}
	if s, ok := streams["warn"]; ok {
		s <- "disk almost full"
	}
	for level := range streams {
		closer.Finish(streams[level])
	}
	wg.Wait()
}
