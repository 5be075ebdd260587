package goroutineexit

import (
	"context"
	"time"
)

func flushSegment(seg string) error {
	time.Sleep(5 * time.Millisecond)
	_ = seg
	return nil
}

// flushOrNote stops waiting when ctx is done or when asked to hurry, but
// then always collects the flush; the empty bodies of the first two cases
// share the block after the select with nothing in it for flushed.
func flushOrNote(ctx context.Context, hurry <-chan struct{}, seg string) {
	flushed := make(chan error)
	go func() {
		flushed <- flushSegment(seg)
	}()
	select {
	case <-ctx.Done():
	case <-hurry:
	case err := <-flushed:
		_ = err
		return
	}
	noteWarm(len(seg))
	<-flushed
}

// CaseSelectEmptyCasesDrained gives up waiting at once, then drains.
func CaseSelectEmptyCasesDrained() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	flushOrNote(ctx, nil, "wal-0001")
}
