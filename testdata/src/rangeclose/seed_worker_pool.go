package rangeclose

import (
	"fmt"
	"runtime"
	"strings"
)

// CaseSeedWorkerPool is the "abandoned receivers" program: processRecords
// fills a buffered input channel, never closes it and starts one worker per
// CPU ranging over it. Once the records are drained every worker blocks
// forever in its range loop.
func CaseSeedWorkerPool() {
	names := []string{"Anna", "Jacob", "Kell", "Carter", "Rory"}
	processRecords(names)
}

func processRecords(records []string) {
	total := len(records)
	input := make(chan string, total)
	for _, record := range records {
		input <- record
	}
	// close(input) is missing: every worker leaks.

	output := make(chan string, total)
	workers := runtime.NumCPU()
	for i := 0; i < workers; i++ {
		go worker(i, input, output)
	}
	for i := 0; i < total; i++ {
		result := <-output
		fmt.Printf("[result  ]: output %s\n", result)
	}
}

func worker(id int, input <-chan string, output chan<- string) {
	for v := range input { // want "range over channel input never ends: input is never closed"
		fmt.Printf("[worker %d]: input %s\n", id, v)
		output <- strings.ToUpper(v)
	}
	fmt.Printf("[worker %d]: shutting down\n", id)
}
