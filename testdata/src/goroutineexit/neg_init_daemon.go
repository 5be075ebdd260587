package goroutineexit

// doubleViaDaemon asks the process-wide doubling daemon started by init.
var doubleViaDaemon func(int) int

type doubleRequest struct {
	n     int
	reply chan int
}

// init starts a daemon whose loop has no way out, on a channel init made:
// it is meant to serve for the life of the process.
func init() {
	requests := make(chan doubleRequest)
	go func() {
		for {
			r := <-requests
			r.reply <- 2 * r.n
		}
	}()
	doubleViaDaemon = func(n int) int {
		reply := make(chan int)
		requests <- doubleRequest{n: n, reply: reply}
		return <-reply
	}
}

// CaseInitDaemon uses the daemon; the daemon itself existed before the
// case started and stays reachable through doubleViaDaemon.
func CaseInitDaemon() {
	_ = doubleViaDaemon(21)
}
