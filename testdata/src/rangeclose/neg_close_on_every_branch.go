package rangeclose

// CaseCloseOnEveryBranch has no single close after the sends: each branch
// of the if closes the channel itself.
func CaseCloseOnEveryBranch() {
	for _, abort := range []bool{false, true} {
		closeOnBranches(abort)
	}
}

func closeOnBranches(abort bool) {
	steps := make(chan string)
	done := make(chan int)
	go func() {
		n := 0
		for range steps {
			n++
		}
		done <- n
	}()
	steps <- "begin"
	if abort {
		close(steps)
	} else {
		steps <- "commit"
		close(steps)
	}
	<-done
}
