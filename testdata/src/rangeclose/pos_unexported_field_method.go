package rangeclose

// squareQueue keeps its job channel in an unexported field of an unexported
// type: every access to it is in this package.
type squareQueue struct {
	jobs    chan int
	results chan int
}

func (q *squareQueue) loop() {
	for j := range q.jobs { // want `range over channel q\.jobs never ends`
		q.results <- j * j
	}
}

// CaseUnexportedFieldMethod starts the queue's loop and feeds it, but
// nothing ever closes q.jobs.
func CaseUnexportedFieldMethod() {
	q := &squareQueue{jobs: make(chan int), results: make(chan int)}
	go q.loop()
	for i := 1; i <= 3; i++ {
		q.jobs <- i
		<-q.results
	}
}
