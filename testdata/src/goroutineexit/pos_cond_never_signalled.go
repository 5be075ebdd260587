package goroutineexit

import "sync"

// admission lets requests in once the server is warm; nothing ever marks
// it warm, and nothing signals the Cond the requests wait on.
type admission struct {
	mu    sync.Mutex
	ready *sync.Cond
	warm  bool
}

func newAdmission() *admission {
	a := &admission{}
	a.ready = sync.NewCond(&a.mu)
	return a
}

func (a *admission) enter() {
	a.mu.Lock()
	for !a.warm {
		a.ready.Wait() // want `a\.ready\.Wait blocks forever: nothing in the package calls a\.ready\.Signal or a\.ready\.Broadcast`
	}
	a.mu.Unlock()
}

// CaseCondNeverSignalled admits one request.
func CaseCondNeverSignalled() {
	a := newAdmission()
	go a.enter()
}
