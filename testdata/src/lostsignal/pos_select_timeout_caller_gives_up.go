package lostsignal

import (
	"context"
	"time"
)

// slowQuery runs a query in a goroutine and returns the channel of its
// result.
func slowQuery(q string) <-chan int {
	rows := make(chan int)
	go func() {
		time.Sleep(500 * time.Millisecond) // long after the caller's deadline, even on a loaded machine
		rows <- len(q)
	}()
	return rows
}

// queryWithTimeout gives up on the query when ctx is done, and with it on
// the goroutine that still has to deliver the result.
func queryWithTimeout(ctx context.Context, q string) int {
	rows := slowQuery(q) // want `the channel returned by slowQuery is not received from on the path that returns at line 27`
	select {
	case n := <-rows:
		return n
	case <-ctx.Done():
		return -1
	}
}

// CaseSelectTimeoutCallerGivesUp times the query out.
func CaseSelectTimeoutCallerGivesUp() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	queryWithTimeout(ctx, "select 1")
}
