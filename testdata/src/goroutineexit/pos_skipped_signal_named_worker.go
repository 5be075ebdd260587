package goroutineexit

import "strconv"

// parsePort sends the parsed port, and nothing when the text is not a
// number.
func parsePort(text string, out chan<- int) {
	n, err := strconv.Atoi(text)
	if err != nil {
		return
	}
	out <- n
}

type listenerConfig struct{ port int }

// configure waits for the port that parsePort may never send.
func (lc *listenerConfig) configure(text string) {
	port := make(chan int, 1)
	go parsePort(text, port)
	lc.port = <-port // want `configure blocks forever receiving from port: the goroutine started at line \d+ can return at line \d+ without sending on or closing it`
}

// CaseSkippedSignalNamedWorker configures a listener from a bad port.
func CaseSkippedSignalNamedWorker() {
	var lc listenerConfig
	lc.configure("eighty")
}
