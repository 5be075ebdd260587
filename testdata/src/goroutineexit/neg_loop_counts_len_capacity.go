package goroutineexit

type scanJob struct{ id int }

// firstFailed buffers one value per job: the scanner never blocks, however
// early the caller stops reading.
func firstFailed(jobs []scanJob, failed func(scanJob) bool) (scanJob, bool) {
	results := make(chan scanJob, len(jobs))
	go func() {
		defer close(results)
		for _, j := range jobs {
			results <- j
		}
	}()
	for j := range results {
		if failed(j) {
			return j, true
		}
	}
	return scanJob{}, false
}

// CaseLoopCountsLenCapacity stops at the first job.
func CaseLoopCountsLenCapacity() {
	_, _ = firstFailed([]scanJob{{1}, {2}, {3}, {4}}, func(scanJob) bool { return true })
}
