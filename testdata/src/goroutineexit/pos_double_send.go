package goroutineexit

// compileWithProgress sends a progress note and then the final result on
// the same channel, but the caller only ever takes one value: the second
// send blocks forever.
func compileWithProgress(src string) string {
	status := make(chan string)
	go func() {
		status <- "parsing " + src
		status <- "compiled " + src // want `goroutine blocks forever on a second send on status: at most 1 value is received`
	}()
	return <-status
}

// CaseDoubleSend compiles one file.
func CaseDoubleSend() {
	_ = compileWithProgress("main.go")
}
