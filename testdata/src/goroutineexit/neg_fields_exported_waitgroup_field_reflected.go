package goroutineexit

import (
	"reflect"
	"sync"
)

// spider is the same as crawler, but a spider is handed to reflection:
// code that holds the interface may reach Pending and call Done, as
// this package does.
type spider struct {
	Pending sync.WaitGroup
	pages   chan string
}

func (s *spider) fetch(url string) {
	s.Pending.Add(1)
	go func() {
		s.pages <- url
	}()
}

func (s *spider) settle() {
	s.Pending.Wait()
}

// CaseFieldsExportedWaitgroupFieldReflected counts the page done through
// reflection.
func CaseFieldsExportedWaitgroupFieldReflected() {
	s := &spider{pages: make(chan string, 1)}
	s.fetch("/")
	pending := reflect.ValueOf(s).Elem().FieldByName("Pending").Addr().Interface().(*sync.WaitGroup)
	pending.Done()
	s.settle()
}
