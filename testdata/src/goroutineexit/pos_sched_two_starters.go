package goroutineexit

import (
	"context"
	"time"
)

func fetchPage(u string) string {
	time.Sleep(5 * time.Millisecond)
	return "<html>" + u + "</html>"
}

// startFetcher starts the goroutine that fetches every page.
func startFetcher(urls []string, pages chan<- string) {
	go func() {
		for _, u := range urls {
			pages <- fetchPage(u) // want `goroutine blocks forever sending on pages: the goroutine started at line 25 no longer receives from pages once its select at line 28 takes <-ctx\.Done\(\), and nothing else receives from pages`
		}
		close(pages)
	}()
}

// startIndexer starts the goroutine that sizes the pages, until ctx is done.
func startIndexer(ctx context.Context, pages <-chan string, total chan<- int) {
	go func() {
		n := 0
		for {
			select {
			case p, ok := <-pages:
				if !ok {
					total <- n
					return
				}
				n += len(p)
			case <-ctx.Done():
				total <- n
				return
			}
		}
	}()
}

// crawlSite wires the two together; once the indexer has given up, the
// fetcher has nobody to hand its pages to.
func crawlSite(ctx context.Context, urls []string) int {
	pages := make(chan string)
	total := make(chan int, 1)
	startFetcher(urls, pages)
	startIndexer(ctx, pages, total)
	return <-total
}

// CaseSchedTwoStarters crawls with a context already cancelled.
func CaseSchedTwoStarters() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = crawlSite(ctx, []string{"a", "b"})
	time.Sleep(20 * time.Millisecond)
}
