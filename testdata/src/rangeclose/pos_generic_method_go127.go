//go:build go1.27

package rangeclose

// summer adds up what it receives; add has a type parameter of its own (a
// generic method, Go 1.27).
type summer struct{ results chan float64 }

func (s summer) add[T ~int | ~float64](in <-chan T) {
	var total float64
	for v := range in { // want "range over channel in never ends"
		total += float64(v)
		s.results <- total
	}
}

// CaseGenericMethod starts an instance of the generic method and feeds it,
// but nothing ever closes the channel.
func CaseGenericMethod() {
	s := summer{results: make(chan float64)}
	nums := make(chan int)
	go s.add(nums)
	for _, n := range []int{1, 2, 3} {
		nums <- n
		<-s.results
	}
}
