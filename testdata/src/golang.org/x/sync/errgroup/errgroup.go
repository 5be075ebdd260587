// Package errgroup is a small working stand-in for golang.org/x/sync/errgroup
// with the same import path and API (Group, WithContext, Go, TryGo, Wait,
// SetLimit), so that analysistest's GOPATH corpus, which cannot fetch
// modules, can use it. When the corpus runs as a program, the real module
// is used instead.
package errgroup

import (
	"context"
	"sync"
)

// A Group is a collection of goroutines working on subtasks of one task.
// A zero Group is valid, has no limit, and does not cancel on error.
type Group struct {
	cancel func(error)
	wg     sync.WaitGroup
	sem    chan struct{}

	errOnce sync.Once
	err     error
}

// WithContext returns a new Group and a Context derived from ctx that is
// cancelled the first time a function passed to Go returns an error, or
// when Wait returns, whichever occurs first.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Wait blocks until all function calls from Go have returned, then
// returns the first non-nil error, if any.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

// Go calls f in a new goroutine, blocking first while the group is at its
// limit.
func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- struct{}{}
	}
	g.start(f)
}

// TryGo calls f in a new goroutine only if the group is below its limit,
// and reports whether it did.
func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
		select {
		case g.sem <- struct{}{}:
		default:
			return false
		}
	}
	g.start(f)
	return true
}

func (g *Group) start(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(err)
				}
			})
		}
	}()
}

func (g *Group) done() {
	if g.sem != nil {
		<-g.sem
	}
	g.wg.Done()
}

// SetLimit limits the number of active goroutines in the group to n; a
// negative n means no limit. It must not be called while goroutines of
// the group are active.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if len(g.sem) != 0 {
		panic("errgroup: modify limit while goroutines in the group are still active")
	}
	g.sem = make(chan struct{}, n)
}
