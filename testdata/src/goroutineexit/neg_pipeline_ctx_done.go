package goroutineexit

import "context"

// pipeline stages that check ctx.Done() in every select: when the consumer
// stops early and cancels, every stage returns.
func emitNumbers(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func doubleStage(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for {
			select {
			case v := <-in:
				select {
				case out <- 2 * v:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func firstDoubled(n int) []int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	doubled := doubleStage(ctx, emitNumbers(ctx))
	var got []int
	for len(got) < n {
		got = append(got, <-doubled)
	}
	return got
}

// CasePipelineCtxDone takes five values and cancels the pipeline.
func CasePipelineCtxDone() {
	_ = firstDoubled(5)
}
