package rangeclose

// resizer keeps its channel in an unexported field; a method closes it.
type resizer struct {
	sizes chan int
	done  chan int
}

func (r *resizer) loop() {
	largest := 0
	for s := range r.sizes {
		if s > largest {
			largest = s
		}
	}
	r.done <- largest
}

func (r *resizer) shutdown() {
	close(r.sizes)
}

// CaseUnexportedFieldStopMethod ranges over an unexported field in one
// method and closes it in another.
func CaseUnexportedFieldStopMethod() {
	r := &resizer{sizes: make(chan int), done: make(chan int)}
	go r.loop()
	r.sizes <- 640
	r.sizes <- 1280
	r.shutdown()
	<-r.done
}
