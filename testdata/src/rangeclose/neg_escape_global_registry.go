package rangeclose

import "sync"

// openFeeds records every feed channel so that shutdownFeeds can close
// them all: the channels escape to a package-level variable.
var (
	openFeedsMu sync.Mutex
	openFeeds   []chan string
)

func registerFeed(ch chan string) {
	openFeedsMu.Lock()
	openFeeds = append(openFeeds, ch)
	openFeedsMu.Unlock()
}

func shutdownFeeds() {
	openFeedsMu.Lock()
	for _, ch := range openFeeds {
		close(ch)
	}
	openFeeds = nil
	openFeedsMu.Unlock()
}

// CaseEscapeGlobalRegistry ranges over a channel that is never closed by
// name: it is closed through the global registry it escapes to.
func CaseEscapeGlobalRegistry() {
	feed := make(chan string)
	registerFeed(feed)
	done := make(chan int)
	go func() {
		n := 0
		for range feed {
			n++
		}
		done <- n
	}()
	feed <- "item"
	shutdownFeeds()
	<-done
}
