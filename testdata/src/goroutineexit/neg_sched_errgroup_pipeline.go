package goroutineexit

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

func loadRecord(id int) int {
	time.Sleep(time.Millisecond)
	return id * 10
}

// loadAll runs a producer and a consumer in an errgroup: both select on
// the group's context, and the function waits for both.
func loadAll(ctx context.Context, ids []int) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	records := make(chan int)
	g.Go(func() error {
		defer close(records)
		for _, id := range ids {
			select {
			case records <- loadRecord(id):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	sum := 0
	g.Go(func() error {
		for r := range records {
			sum += r
		}
		return nil
	})
	err := g.Wait()
	return sum, err
}

// CaseSchedErrgroupPipeline loads with a context already cancelled.
func CaseSchedErrgroupPipeline() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = loadAll(ctx, []int{1, 2, 3})
}
