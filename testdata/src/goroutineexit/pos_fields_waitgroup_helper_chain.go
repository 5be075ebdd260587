package goroutineexit

import "sync"

// batch counts its pending items in a WaitGroup that it hands to a
// goroutine's body, which hands it on to a helper; neither calls Done.
type batch struct {
	pending sync.WaitGroup
	stored  chan string
}

func (b *batch) add(item string) {
	b.pending.Add(1)
	go stageItem(&b.pending, item, b.stored)
}

func stageItem(wg *sync.WaitGroup, item string, out chan<- string) {
	recordItem(wg, item, out)
}

// recordItem stores the item but forgets to count it done.
func recordItem(_ *sync.WaitGroup, item string, out chan<- string) {
	out <- item
}

func (b *batch) flush() {
	b.pending.Wait() // want `b\.pending\.Wait blocks forever once add has run: nothing in the package calls b\.pending\.Done`
}

// CaseFieldsWaitgroupHelperChain adds one item and flushes.
func CaseFieldsWaitgroupHelperChain() {
	b := &batch{stored: make(chan string, 1)}
	b.add("row")
	go b.flush()
}
