package goroutineexit

import (
	"context"
	"errors"
)

var errNoRoute = errors.New("no route")

func lookupRoute(host string) (string, error) {
	if host == "" {
		return "", errNoRoute
	}
	return "10.0.0.1", nil
}

// resolve stops waiting when ctx is done, so a lookup that fails without
// an answer cannot hold it.
func resolve(ctx context.Context, host string) string {
	addr := make(chan string, 1)
	go func() {
		a, err := lookupRoute(host)
		if err != nil {
			return
		}
		addr <- a
	}()
	select {
	case a := <-addr:
		return a
	case <-ctx.Done():
		return ""
	}
}

// CaseSignalParentSelectsCtx resolves an empty host with a cancelled context.
func CaseSignalParentSelectsCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = resolve(ctx, "")
}
