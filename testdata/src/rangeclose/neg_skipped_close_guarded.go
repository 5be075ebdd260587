package rangeclose

import "log"

// loadDeferred closes with defer: every return of the goroutine closes.
func loadDeferred(paths []string) []string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, p := range paths {
			data, err := readConfig(p)
			if err != nil {
				return
			}
			out <- data
		}
	}()
	var all []string
	for d := range out {
		all = append(all, d)
	}
	return all
}

// loadClosingOnError closes on the error path as well.
func loadClosingOnError(paths []string) []string {
	out := make(chan string)
	go func() {
		for _, p := range paths {
			data, err := readConfig(p)
			if err != nil {
				close(out)
				return
			}
			out <- data
		}
		close(out)
	}()
	var all []string
	for d := range out {
		all = append(all, d)
	}
	return all
}

// loadOrDie ends the process on an error: its path without the close
// never lets the range wait.
func loadOrDie(paths []string) int {
	out := make(chan string)
	go func() {
		for _, p := range paths {
			data, err := readConfig(p)
			if err != nil {
				log.Fatal(err)
			}
			out <- data
		}
		close(out)
	}()
	n := 0
	for range out {
		n++
	}
	return n
}

// CaseSkippedCloseGuarded loads well-formed and empty paths.
func CaseSkippedCloseGuarded() {
	_ = loadDeferred([]string{"a", "", "c"})
	_ = loadClosingOnError([]string{"a", "", "c"})
	_ = loadOrDie([]string{"a", "b"})
}
