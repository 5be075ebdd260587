package goroutineexit

import (
	"context"
	"strings"
	"time"
)

// parseLogLine is slow: the consumer has given up before the first line
// is parsed.
func parseLogLine(l string) string {
	time.Sleep(5 * time.Millisecond)
	return strings.TrimSpace(l)
}

func recordEvent(string) {}

// tailEvents starts a producer and a consumer of events that know nothing
// of each other: the consumer returns when ctx is done, and the producer
// sends on, to nobody.
func tailEvents(ctx context.Context, lines []string) {
	events := make(chan string)
	go func() {
		for _, l := range lines {
			events <- parseLogLine(l) // want `goroutine blocks forever sending on events: the goroutine started at line 28 returns at line 34 once its select at line 30 takes <-ctx\.Done\(\), and nothing else receives from events`
		}
	}()
	go func() {
		for {
			select {
			case e := <-events:
				recordEvent(e)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// CaseSchedSiblingConsumerCtx tails with a context already cancelled.
func CaseSchedSiblingConsumerCtx() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tailEvents(ctx, []string{" a ", " b ", " c "})
	time.Sleep(20 * time.Millisecond)
}
