package goroutineexit

// fibonacci is an endless generator with a way out: the stop case.
func fibonacci(stop <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-stop:
				return
			}
		}
	}()
	return out
}

func firstFibs(n int) []int {
	stop := make(chan struct{})
	defer close(stop)
	fibs := fibonacci(stop)
	var got []int
	for range n {
		got = append(got, <-fibs)
	}
	return got
}

// CaseGeneratorStop takes eight numbers and stops the generator.
func CaseGeneratorStop() {
	_ = firstFibs(8)
}
