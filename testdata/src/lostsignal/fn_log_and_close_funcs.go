package lostsignal

//oracle:falsenegative the starter returns two functions, one sending on the channel and one closing it; the summary only models goroutine-side sends and a single stop function, so it does not see that the close function is the only way to end the logging goroutine

// startLogger starts a goroutine logging the lines that log sends, until
// closeLog closes the channel.
func startLogger() (log func(string), closeLog func()) {
	lines := make(chan string)
	go func() {
		for l := range lines {
			_ = l
		}
	}()
	return func(s string) { lines <- s }, func() { close(lines) }
}

// CaseLogAndCloseFuncs logs a line and drops the close function.
func CaseLogAndCloseFuncs() {
	log, _ := startLogger()
	log("hello")
}
