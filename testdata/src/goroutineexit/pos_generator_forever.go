package goroutineexit

// firstEvenSquares takes three values from an endless generator and
// returns; the generator stays blocked on its next send forever.
func firstEvenSquares() []int {
	squares := make(chan int)
	go func() {
		for i := 0; ; i += 2 {
			squares <- i * i // want `goroutine never finishes: its loop has no way out and waits only on squares, which nothing receives from once firstEvenSquares returns`
		}
	}()
	return []int{<-squares, <-squares, <-squares}
}

// CaseGeneratorForever takes three squares.
func CaseGeneratorForever() {
	_ = firstEvenSquares()
}
