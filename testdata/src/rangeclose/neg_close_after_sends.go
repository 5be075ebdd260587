package rangeclose

// CaseCloseAfterSends is the fixed worker pool: the input is closed right
// after it is filled, so every worker leaves its range loop.
func CaseCloseAfterSends() {
	records := []string{"Anna", "Jacob", "Kell"}
	input := make(chan string, len(records))
	for _, r := range records {
		input <- r
	}
	close(input)

	output := make(chan int, len(records))
	const n = 3
	for i := 0; i < n; i++ {
		go lengthOfRecords(input, output)
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-output
	}
	_ = total
}

func lengthOfRecords(input <-chan string, output chan<- int) {
	sum := 0
	for r := range input {
		sum += len(r)
	}
	output <- sum
}
