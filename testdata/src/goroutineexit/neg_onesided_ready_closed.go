package goroutineexit

// feedCache hands out a receive-only readiness channel that fill closes.
type feedCache struct {
	items  []string
	filled chan struct{}
}

func newFeedCache() *feedCache { return &feedCache{filled: make(chan struct{})} }

func (c *feedCache) Filled() <-chan struct{} { return c.filled }

func (c *feedCache) fill(items ...string) {
	c.items = append(c.items, items...)
	close(c.filled)
}

func firstItem(c *feedCache) string {
	<-c.Filled()
	return c.items[0]
}

// CaseOneSidedReadyClosed fills the cache in the background and waits.
func CaseOneSidedReadyClosed() {
	c := newFeedCache()
	go c.fill("a", "b")
	_ = firstItem(c)
}
