package rangeclose

// queue is a generic type whose method ranges over its unexported field.
type queue[T any] struct {
	items chan T
	seen  chan int
}

func (q *queue[T]) drain() {
	n := 0
	for range q.items { // want `range over channel q\.items never ends`
		n++
		q.seen <- n
	}
}

// CaseGenericTypeMethod fills a generic queue and never closes it.
func CaseGenericTypeMethod() {
	q := &queue[string]{items: make(chan string), seen: make(chan int)}
	go q.drain()
	for _, s := range []string{"a", "b"} {
		q.items <- s
		<-q.seen
	}
}
