package rangeclose

type byteTally struct {
	counted chan int
}

func (b byteTally) consume(chunks <-chan []byte) {
	total := 0
	for c := range chunks { // want "range over channel chunks never ends"
		total += len(c)
		b.counted <- total
	}
}

// CaseBoundMethodValue starts the consumer through a bound method value
// held in a local variable.
func CaseBoundMethodValue() {
	t := byteTally{counted: make(chan int)}
	chunks := make(chan []byte)
	start := t.consume
	go start(chunks)
	for _, c := range [][]byte{[]byte("abc"), []byte("de")} {
		chunks <- c
		<-t.counted
	}
}
