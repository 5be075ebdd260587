// Package synth generates Go packages that use goroutines and channels, and
// runs leakvet's suite on them in memory: the scaling benchmark (a package
// of growing size made of the same units) and the fuzz target (random
// programs built from the fuzzer's bytes) use it.
package synth

import (
	"fmt"
	"strings"
)

// scaledHeader starts every package made by Scaled.
const scaledHeader = `// Code made by synth.Scaled for the scaling benchmark.

package scaled

import (
	"context"
	"errors"
	"sync"
	"time"
)

var errStopped = errors.New("stopped")
`

// scaledUnit is one unit of Scaled: a mix of code with no channel at all
// (most real code) and the concurrency patterns leakvet looks at, leaks
// included. %[1]d is the unit's number.
const scaledUnit = `
type rec%[1]d struct {
	id   int
	name string
	vals []int
}

func sum%[1]d(r *rec%[1]d) int {
	t := 0
	for i, v := range r.vals {
		if i%%2 == 0 {
			t += v
		} else {
			t -= v
		}
	}
	switch {
	case t > 100:
		return t / 2
	case t < -100:
		return -t
	}
	return t + r.id + len(r.name)
}

func names%[1]d(rs []*rec%[1]d) map[string]int {
	m := make(map[string]int, len(rs))
	for _, r := range rs {
		if r == nil || r.name == "" {
			continue
		}
		m[r.name] += sum%[1]d(r)
	}
	return m
}

func pool%[1]d(jobs []int) int {
	in := make(chan int)
	out := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- j * 2
			}
		}()
	}
	for _, j := range jobs {
		in <- j
	}
	close(in)
	wg.Wait()
	close(out)
	t := 0
	for v := range out {
		t += v
	}
	return t
}

func gen%[1]d(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func first%[1]d(ctx context.Context, f func() int) (int, error) {
	ch := make(chan int)
	go func() { ch <- f() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func leaky%[1]d(items []int) {
	ch := make(chan int)
	go func() {
		for v := range ch {
			_ = v
		}
	}()
	for _, it := range items {
		ch <- it
	}
}

type svc%[1]d struct {
	quit chan struct{}
	mu   sync.Mutex
	n    int
}

func newSvc%[1]d() *svc%[1]d {
	s := &svc%[1]d{quit: make(chan struct{})}
	go s.loop()
	return s
}

func (s *svc%[1]d) loop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.mu.Lock()
			s.n++
			s.mu.Unlock()
		case <-s.quit:
			return
		}
	}
}

func (s *svc%[1]d) Stop() error {
	if s.quit == nil {
		return errStopped
	}
	close(s.quit)
	return nil
}

func stage%[1]d[T any](in <-chan T, f func(T) T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func useStage%[1]d() int {
	t := 0
	for v := range stage%[1]d(gen%[1]d(10), func(x int) int { return x + 1 }) {
		t += v
	}
	return t
}
`

// Scaled returns the source of a package made of n units. Every unit is the
// same code with new names, so the package grows linearly with n.
func Scaled(n int) string {
	var b strings.Builder
	b.WriteString(scaledHeader)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, scaledUnit, i)
	}
	return b.String()
}
