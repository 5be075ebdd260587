package rangeclose

import (
	"strconv"
	"sync/atomic"
)

// indexAll feeds ids to two workers that index them in the background; the
// feeder gives up at the first malformed id without closing ids, and both
// workers wait on it forever.
func indexAll(raw []string, indexed *atomic.Int64) {
	ids := make(chan int)
	for range 2 {
		go func() {
			for id := range ids { // want `range over channel ids never ends when the goroutine started at line 20 returns early: it can return at line 24 without closing ids`
				indexed.Add(int64(id))
			}
		}()
	}
	go func() {
		for _, r := range raw {
			id, err := strconv.Atoi(r)
			if err != nil {
				return
			}
			ids <- id
		}
		close(ids)
	}()
}

// CaseSkippedCloseWorkers indexes three ids, one malformed.
func CaseSkippedCloseWorkers() {
	var n atomic.Int64
	indexAll([]string{"1", "x", "3"}, &n)
}
