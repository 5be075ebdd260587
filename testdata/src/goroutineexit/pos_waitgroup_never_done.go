package goroutineexit

import "sync"

// uploader counts uploads in flight so that flush can wait for them, but
// the code that finishes an upload forgets to say so.
type uploader struct {
	inflight sync.WaitGroup
	sent     []string
}

func (u *uploader) begin(name string) {
	u.inflight.Add(1)
	u.sent = append(u.sent, name)
}

func (u *uploader) flush() {
	u.inflight.Wait() // want `u\.inflight\.Wait blocks forever once begin has run: nothing in the package calls u\.inflight\.Done`
}

// reindex forgets the Done in the goroutine it waits for.
func reindex(keys []string, index func(string)) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for _, k := range keys {
			index(k)
		}
	}()
	wg.Wait() // want `wg\.Wait blocks forever once wg\.Add has run: nothing in the package calls wg\.Done`
}

// CaseWaitgroupNeverDone uploads once and reindexes once.
func CaseWaitgroupNeverDone() {
	u := &uploader{}
	u.begin("a.txt")
	go u.flush()
	go reindex([]string{"k1"}, func(string) {})
}
