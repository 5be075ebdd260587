package goroutineexit

import "sync"

// crawler is unexported and no crawler leaves the package, so its exported
// Pending field is followed like an unexported one: fetch raises it and
// nothing lowers it.
type crawler struct {
	Pending sync.WaitGroup
	seen    map[string]bool
}

func (c *crawler) fetch(url string) {
	c.Pending.Add(1)
	go func() {
		c.seen[url] = true
	}()
}

func (c *crawler) settle() {
	c.Pending.Wait() // want `c\.Pending\.Wait blocks forever once fetch has run: nothing in the package calls c\.Pending\.Done`
}

// CaseFieldsExportedWaitgroupField fetches one page and settles.
func CaseFieldsExportedWaitgroupField() {
	c := &crawler{seen: map[string]bool{}}
	c.fetch("/")
	go c.settle()
}
