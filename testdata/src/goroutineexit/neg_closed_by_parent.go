package goroutineexit

import (
	"context"
	"time"
)

func crawlPage(url string) string {
	time.Sleep(2 * time.Millisecond)
	return "<html>" + url + "</html>"
}

// crawl closes its result channel when it returns, and the crawler
// recovers from the panic of a send on a closed channel: the goroutine
// never stays blocked (a send on a closed channel panics, it does not
// block).
func crawl(ctx context.Context, url string) (string, error) {
	pages := make(chan string)
	defer close(pages)
	go func() {
		defer func() { _ = recover() }()
		pages <- crawlPage(url)
	}()
	select {
	case p := <-pages:
		return p, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseClosedByParent crawls with a cancelled context.
func CaseClosedByParent() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = crawl(ctx, "https://go.dev")
}
