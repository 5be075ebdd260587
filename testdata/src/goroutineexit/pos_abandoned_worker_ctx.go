package goroutineexit

import (
	"context"
	"strings"
	"time"
)

func loadIndexShard() { time.Sleep(5 * time.Millisecond) }

// indexDocument starts a worker waiting for the document to index; when
// ctx is done first, the document is never sent and the worker waits
// forever.
func indexDocument(ctx context.Context, doc string) (int, error) {
	docs := make(chan string)
	words := 0
	indexed := make(chan int, 1)
	go func() {
		loadIndexShard()
		d := <-docs // want `goroutine blocks forever receiving from docs: if the select takes <-ctx\.Done\(\), nothing sends on or closes docs`
		indexed <- len(strings.Fields(d))
	}()
	select {
	case docs <- doc:
		words = <-indexed
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	return words, nil
}

// CaseAbandonedWorkerCtx indexes with a cancelled context.
func CaseAbandonedWorkerCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = indexDocument(ctx, "the quick brown fox")
}
