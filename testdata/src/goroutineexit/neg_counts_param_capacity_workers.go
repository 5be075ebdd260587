package goroutineexit

import "context"

func crunch(i int) int { return i * i }

// crunchAll starts as many workers as its buffer has slots: whatever
// workers is, no send blocks, even when the context ends at once.
func crunchAll(ctx context.Context, workers int) int {
	out := make(chan int, workers)
	for i := range workers {
		go func() {
			out <- crunch(i)
		}()
	}
	select {
	case v := <-out:
		return v
	case <-ctx.Done():
		return -1
	}
}

// CaseCountsParamCapacityWorkers runs one worker with an ended context:
// the smallest buffer a call passes is 1, and so is the number of workers.
func CaseCountsParamCapacityWorkers() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = crunchAll(ctx, 1)
	_ = crunchAll(context.Background(), 3)
}
