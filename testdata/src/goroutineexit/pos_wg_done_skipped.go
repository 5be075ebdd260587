package goroutineexit

import (
	"strconv"
	"sync"
)

// parsePorts parses every port in a goroutine of its own; a port that
// does not parse makes its goroutine return before wg.Done, and the Wait
// never returns.
func parsePorts(specs []string) []int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var ports []int
	for _, s := range specs {
		wg.Add(1)
		go func() {
			p, err := strconv.Atoi(s)
			if err != nil {
				return
			}
			mu.Lock()
			ports = append(ports, p)
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait() // want `parsePorts blocks forever in wg.Wait: the goroutine started at line 17 can return at line 20 without calling wg.Done, so the counter never reaches zero`
	return ports
}

// CaseWgDoneSkipped parses one bad port among three.
func CaseWgDoneSkipped() {
	_ = parsePorts([]string{"80", "http", "443"})
}
