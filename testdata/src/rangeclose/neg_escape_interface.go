package rangeclose

// releaseResource closes whatever channel it is given behind an interface.
func releaseResource(r any) {
	switch c := r.(type) {
	case chan int:
		close(c)
	case chan string:
		close(c)
	}
}

// CaseEscapeInterface converts the channel to an interface value; the code
// behind the interface closes it.
func CaseEscapeInterface() {
	events := make(chan int)
	done := make(chan int)
	go func() {
		last := 0
		for e := range events {
			last = e
		}
		done <- last
	}()
	events <- 7
	var r any = events
	releaseResource(r)
	<-done
}
