package goroutineexit

// Meter counts ticks in one goroutine; Add gives up once it is closed.
type Meter struct {
	adds chan int
	quit chan struct{}
	sum  int
}

func NewMeter() *Meter {
	m := &Meter{adds: make(chan int), quit: make(chan struct{})}
	go m.loop()
	return m
}

func (m *Meter) loop() {
	for {
		select {
		case n := <-m.adds:
			m.sum += n
		case <-m.quit:
			return
		}
	}
}

// Add selects on quit too: it never blocks after Close.
func (m *Meter) Add(n int) bool {
	select {
	case m.adds <- n:
		return true
	case <-m.quit:
		return false
	}
}

func (m *Meter) Close() { close(m.quit) }

// CaseProtocolRequestSelectsStop adds after closing.
func CaseProtocolRequestSelectsStop() {
	m := NewMeter()
	m.Add(1)
	m.Close()
	m.Add(2)
}
