package goroutineexit

import (
	"context"
	"time"
)

// deliverReading is the helper through which the goroutine sends: it
// sends exactly once.
func deliverReading(out chan<- float64, v float64) {
	out <- v // want `goroutine blocks forever sending on out`
}

func sampleSensor() float64 {
	time.Sleep(5 * time.Millisecond)
	return 21.5
}

// readSensor hands its channel to deliverReading inside the goroutine and
// gives up when ctx is done.
func readSensor(ctx context.Context) (float64, error) {
	readings := make(chan float64)
	go func() {
		deliverReading(readings, sampleSensor())
	}()
	select {
	case v := <-readings:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// CaseSendThroughHelper reads with a cancelled context.
func CaseSendThroughHelper() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = readSensor(ctx)
}
