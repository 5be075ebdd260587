// Package facts checks the ParamUses summaries that chanflow exports.
package facts

import "sync"

func Close(ch chan int) { // want Close:"chanflow\\(0:closes\\)"
	close(ch)
}

func DeferClose(ch chan int) { // want DeferClose:"chanflow\\(0:closes\\)"
	defer close(ch)
}

func CloseOnce(ch chan int, once *sync.Once) { // want CloseOnce:"chanflow\\(0:closes\\)"
	once.Do(func() { close(ch) })
}

func CloseViaHelper(ch chan int) { // want CloseViaHelper:"chanflow\\(0:closes\\)"
	Close(ch)
}

func Drain(in <-chan int) { // want Drain:"chanflow\\(0:ranges\\)"
	for range in {
	}
}

func DrainManually(in <-chan int) { // want DrainManually:"chanflow\\(0:ranges\\)"
	for {
		_, ok := <-in
		if !ok {
			break
		}
	}
}

func DrainUntilZero(in <-chan int) { // want DrainUntilZero:"chanflow\\(0:receives\\)"
	for v := range in {
		if v == 0 {
			return
		}
	}
}

func StartDrain(in <-chan int) { // want StartDrain:"chanflow\\(0:rangesasync\\)"
	go Drain(in)
}

func StartClosure(in <-chan int) { // want StartClosure:"chanflow\\(0:rangesasync\\)"
	go func() {
		for range in {
		}
	}()
}

func Produce(out chan<- int, n int) { // want Produce:"chanflow\\(0:sends\\)"
	for i := range n {
		out <- i
	}
}

func ProduceForever(out chan<- int) { // want ProduceForever:"chanflow\\(0:sendsforever\\)"
	for i := 0; ; i++ {
		out <- i
	}
}

func Receive(in <-chan int) int { // want Receive:"chanflow\\(0:receives\\)"
	return <-in
}

var global chan int

func Keep(ch chan int) { // want Keep:"chanflow\\(0:escapes\\)"
	global = ch
}

func Return(ch chan int) chan int { // want Return:"chanflow\\(0:escapes\\)"
	return ch
}

func AsAny(ch chan int) any { // want AsAny:"chanflow\\(0:escapes\\)"
	return ch
}

func Dynamic(ch chan int, f func(chan int)) { // want Dynamic:"chanflow\\(0:escapes\\)"
	f(ch)
}

type pool struct{ jobs chan int }

func (p *pool) Run() { // (no channel parameter: no fact)
	for range p.jobs {
	}
}

func Generic[T any](in <-chan T, out chan<- T) { // want Generic:"chanflow\\(0:ranges 1:sends\\)"
	for v := range in {
		out <- v
	}
}

func Unused(ch chan int, n int) { // want Unused:"chanflow\\(\\)"
}

func Reply(out chan<- string, s string) { // want Reply:"chanflow\\(0:sends\\|sendsonce\\)"
	if s == "" {
		return
	}
	out <- s
}
