package goroutineexit

// relay receives from whatever channel it is bound to; the caller feeds
// it.
type relay struct{ from chan int }

func (r *relay) bind(ch chan int) { r.from = ch }

func (r *relay) next() int { return <-r.from }

// CaseOneSidedBoundElsewhere binds a fed channel.
func CaseOneSidedBoundElsewhere() {
	r := &relay{from: make(chan int)}
	ch := make(chan int, 1)
	ch <- 5
	r.bind(ch)
	_ = r.next()
}
