package goroutineexit

import (
	"sync"
	"time"
)

// The tempting negatives of the WaitGroup and Cond checks: the release is
// in another method, in a helper the WaitGroup is handed to, or in the
// next iteration's Add(1); the wait loop reloads its predicate.

type jobQueue struct {
	mu       sync.Mutex
	nonEmpty *sync.Cond
	jobs     []string
	active   sync.WaitGroup
}

func newJobQueue() *jobQueue {
	q := &jobQueue{}
	q.nonEmpty = sync.NewCond(&q.mu)
	return q
}

// take waits until another method has pushed a job.
func (q *jobQueue) take() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.jobs) == 0 {
		q.nonEmpty.Wait()
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:]
	return j
}

func (q *jobQueue) push(j string) {
	q.mu.Lock()
	q.jobs = append(q.jobs, j)
	q.mu.Unlock()
	q.nonEmpty.Signal()
}

func (q *jobQueue) start() { q.active.Add(1) }
func (q *jobQueue) end()   { q.active.Done() }
func (q *jobQueue) drain() { q.active.Wait() }

// finishVia calls Done on a WaitGroup it is handed.
func finishVia(wg *sync.WaitGroup, f func()) {
	defer wg.Done()
	f()
}

func runHanded(tasks []func()) {
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1)
		go finishVia(&wg, t)
	}
	wg.Wait()
}

// oneAtATime waits inside the loop on purpose, after counting one.
func oneAtATime(steps []func()) {
	var wg sync.WaitGroup
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s()
		}()
		wg.Wait()
	}
}

// ExportedGate's Cond is exported: another package may signal it.
type ExportedGate struct {
	Mu    sync.Mutex
	Ready *sync.Cond
	Open  bool
}

func (g *ExportedGate) Pass() {
	g.Mu.Lock()
	for !g.Open {
		g.Ready.Wait()
	}
	g.Mu.Unlock()
}

// CaseSyncCountersReleased exercises every release.
func CaseSyncCountersReleased() {
	q := newJobQueue()
	done := make(chan string)
	go func() { done <- q.take() }()
	time.Sleep(time.Millisecond)
	q.push("build")
	<-done
	q.start()
	go q.end()
	q.drain()
	runHanded([]func(){func() {}, func() {}})
	oneAtATime([]func(){func() {}, func() {}})
	g := &ExportedGate{Open: true}
	g.Ready = sync.NewCond(&g.Mu)
	g.Pass()
}
