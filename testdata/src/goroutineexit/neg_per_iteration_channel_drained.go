package goroutineexit

import "time"

func renderTile(n int) []byte {
	time.Sleep(5 * time.Millisecond)
	return make([]byte, n)
}

// renderAll waits for each tile; after a slow tick it still collects the
// tile before the next iteration makes the next channel.
func renderAll(tiles int, tick <-chan time.Time) int {
	size := 0
	for i := range tiles {
		tile := make(chan []byte)
		go func() {
			tile <- renderTile(i)
		}()
		select {
		case t := <-tile:
			size += len(t)
		case <-tick:
			size += len(<-tile)
		}
	}
	return size
}

// CasePerIterationChannelDrained ticks at once.
func CasePerIterationChannelDrained() {
	tick := make(chan time.Time, 1)
	tick <- time.Now()
	_ = renderAll(3, tick)
}
