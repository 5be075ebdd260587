package goroutineexit

import (
	"log"
	"strconv"
	"sync"
)

// sumPorts defers Done: every return of the goroutine lowers the counter.
func sumPorts(specs []string) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for _, s := range specs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := strconv.Atoi(s)
			if err != nil {
				return
			}
			mu.Lock()
			total += p
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// countPorts calls Done on the error path too.
func countPorts(specs []string) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for _, s := range specs {
		wg.Add(1)
		go func() {
			if _, err := strconv.Atoi(s); err != nil {
				wg.Done()
				return
			}
			mu.Lock()
			n++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	return n
}

// mustPorts ends the process on a bad port: its path without Done never
// returns to the Wait.
func mustPorts(specs []string) {
	var wg sync.WaitGroup
	for _, s := range specs {
		wg.Add(1)
		go func() {
			if _, err := strconv.Atoi(s); err != nil {
				log.Fatalf("bad port %q", s)
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// maybeWait waits only when asked: on the other path nothing blocks.
func maybeWait(specs []string, wait bool) {
	var wg sync.WaitGroup
	for _, s := range specs {
		wg.Add(1)
		go func() {
			if s == "" {
				return
			}
			wg.Done()
		}()
	}
	if wait {
		wg.Wait()
	}
}

// CaseWgDoneEveryPath runs the four with well-formed ports.
func CaseWgDoneEveryPath() {
	_ = sumPorts([]string{"80", "http"})
	_ = countPorts([]string{"80", "http"})
	mustPorts([]string{"80", "443"})
	maybeWait([]string{"a", ""}, false)
}
