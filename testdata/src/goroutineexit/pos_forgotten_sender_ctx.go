package goroutineexit

import (
	"context"
	"time"
)

func lookupQuote(symbol string) string {
	time.Sleep(5 * time.Millisecond)
	return symbol + ": 42"
}

// fetchQuote asks for a quote and gives up as soon as ctx is done. On that
// path nobody is left to receive the goroutine's result.
func fetchQuote(ctx context.Context, symbol string) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- lookupQuote(symbol) // want `goroutine blocks forever sending on ch: if the select takes <-ctx\.Done\(\), nothing receives from ch`
	}()
	select {
	case q := <-ch:
		return q, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// CaseForgottenSenderCtx calls fetchQuote with a context that is already
// cancelled, so the select takes <-ctx.Done() while the lookup is running.
func CaseForgottenSenderCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = fetchQuote(ctx, "GO")
}
