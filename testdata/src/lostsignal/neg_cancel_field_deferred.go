package lostsignal

import (
	"context"
	"sync"
)

// spinner shows progress while a task runs.
type spinner struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (s *spinner) spin() {
	defer s.wg.Done()
	<-s.ctx.Done()
}

// withSpinner stops the spinner when the task is over.
func withSpinner(task func()) {
	s := &spinner{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	defer s.cancel()
	s.wg.Add(1)
	go s.spin()
	task()
}

// CaseCancelFieldDeferred runs a task with a spinner.
func CaseCancelFieldDeferred() {
	withSpinner(func() {})
}
