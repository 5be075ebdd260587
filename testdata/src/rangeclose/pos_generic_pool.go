package rangeclose

// startPool starts n goroutines that consume in until it is closed.
func startPool[T any](in <-chan T, n int) {
	for i := 0; i < n; i++ {
		go func() {
			var last T
			for v := range in { // want "range over channel in never ends"
				last = v
			}
			_ = last
		}()
	}
}

// CaseGenericPool passes an unclosed channel through a generic function
// that starts a pool of three consumers; all three leak.
func CaseGenericPool() {
	tasks := make(chan string)
	startPool(tasks, 3)
	for _, t := range []string{"fetch", "parse", "store", "index"} {
		tasks <- t
	}
}
