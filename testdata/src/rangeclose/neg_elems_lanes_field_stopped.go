package rangeclose

import "sync"

// lanePool shards work over lanes, one goroutine each, kept in an
// unexported field and appended one by one.
type lanePool struct {
	lanes []chan string
	wg    sync.WaitGroup
	seen  [4]int
}

func newLanePool(n int) *lanePool {
	p := &lanePool{}
	for i := 0; i < n; i++ {
		lane := make(chan string, 1)
		p.lanes = append(p.lanes, lane)
		p.wg.Add(1)
		go p.drain(i, lane)
	}
	return p
}

func (p *lanePool) drain(i int, lane <-chan string) {
	defer p.wg.Done()
	for range lane {
		p.seen[i]++
	}
}

func (p *lanePool) submit(key int, s string) { p.lanes[key%len(p.lanes)] <- s }

// stop closes every lane through a helper and waits for the drains.
func (p *lanePool) stop() {
	closeLanes(p.lanes)
	p.wg.Wait()
}

func closeLanes(lanes []chan string) {
	for _, l := range lanes {
		close(l)
	}
}

// CaseLanesFieldStopped starts a pool, submits work and stops it.
func CaseLanesFieldStopped() {
	p := newLanePool(3)
	for i := 0; i < 6; i++ {
		p.submit(i, "job")
	}
	p.stop()
}
