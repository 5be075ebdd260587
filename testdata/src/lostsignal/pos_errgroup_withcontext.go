package lostsignal

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

//oracle:goleak the un-waited goroutine sleeps rather than blocks: judged by the goroutine still running after the case returned

// crawl crawls the seed pages in a group derived from ctx, but returns
// without waiting when the caller asked for a dry run.
func crawl(ctx context.Context, seeds []string, dryRun bool) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, s := range seeds {
		g.Go(func() error { // want `g.Wait is not called on the path that returns at line 24`
			time.Sleep(10 * time.Second)
			_ = s
			return ctx.Err()
		})
	}
	if dryRun {
		return nil
	}
	return g.Wait()
}

// CaseErrgroupWithContext takes the dry-run path.
func CaseErrgroupWithContext() {
	_ = crawl(context.Background(), []string{"https://example.org"}, true)
}
