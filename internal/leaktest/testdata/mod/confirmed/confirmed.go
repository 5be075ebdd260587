// Package confirmed has a leak its tests trigger, one they do not reach,
// and one that leakvet does not report.
package confirmed

import "sync"

// First returns the result of the first function to finish; the others
// block forever on their send.
func First(fs ...func() int) int {
	ch := make(chan int)
	for _, f := range fs {
		go func() {
			ch <- f()
		}()
	}
	return <-ch
}

// Drain ranges over a channel nobody closes; no test calls it.
func Drain(n int) {
	ch := make(chan int, n)
	for i := 0; i < n; i++ {
		ch <- i
	}
	go func() {
		for range ch {
		}
	}()
}

type counter struct {
	mu sync.Mutex
	n  int
}

// Bump locks twice in the goroutine it starts: a self-deadlock on a
// sync.Mutex, which no analyzer of leakvet looks for.
func Bump() {
	c := new(counter)
	go func() {
		c.mu.Lock()
		c.mu.Lock()
		c.n++
	}()
}
