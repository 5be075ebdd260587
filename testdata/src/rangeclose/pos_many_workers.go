package rangeclose

import "sync"

// CaseManyWorkers starts four workers on one job channel and collects
// every result, but never closes the job channel: all four workers leak.
func CaseManyWorkers() {
	jobs := make(chan int)
	results := make(chan int)
	var mu sync.Mutex
	handled := map[int]int{}
	for w := 0; w < 4; w++ {
		go hashWorker(w, jobs, results, &mu, handled)
	}
	go func() {
		for i := 0; i < 8; i++ {
			jobs <- i
		}
	}()
	sum := 0
	for i := 0; i < 8; i++ {
		sum += <-results
	}
	_ = sum
}

func hashWorker(id int, jobs <-chan int, results chan<- int, mu *sync.Mutex, handled map[int]int) {
	for j := range jobs { // want "range over channel jobs never ends"
		mu.Lock()
		handled[id]++
		mu.Unlock()
		results <- j*31 + 7
	}
}
