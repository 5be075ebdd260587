package goroutineexit

type poolConn struct{ id int }

const poolSize = 5

// warmPool fills a pool of idle connections one larger than its buffer,
// and nothing takes a connection out of it.
func warmPool() int {
	idle := make(chan *poolConn, poolSize-1)
	for i := 0; i < poolSize; i++ {
		idle <- &poolConn{id: i} // want `^blocks forever sending on idle in a loop: the loop sends 5 values, idle has a buffer of 4 and nothing in the package receives from it$`
	}
	return len(idle)
}

// CaseCountsBufferedLoop warms the pool in a goroutine of its own.
func CaseCountsBufferedLoop() {
	_ = warmPool()
}
