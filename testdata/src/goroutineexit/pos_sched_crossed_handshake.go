package goroutineexit

import "time"

// handshake has each side announce itself before listening to the other:
// on unbuffered channels both wait at their first send, for ever.
func handshake() {
	hello := make(chan string)
	welcome := make(chan string)
	go func() {
		hello <- "client" // want `goroutine blocks forever sending on hello: the goroutine started at line 14 is itself blocked forever at line 15, and nothing else receives from hello`
		_ = <-welcome
	}()
	go func() {
		welcome <- "server" // want `goroutine blocks forever sending on welcome: the goroutine started at line 10 is itself blocked forever at line 11, and nothing else receives from welcome`
		_ = <-hello
	}()
}

// CaseSchedCrossedHandshake shakes hands once.
func CaseSchedCrossedHandshake() {
	handshake()
	time.Sleep(10 * time.Millisecond)
}
