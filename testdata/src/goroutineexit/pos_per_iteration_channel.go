package goroutineexit

import "time"

func downloadMirror(url string) string {
	time.Sleep(20 * time.Millisecond)
	return "body of " + url
}

// fetchAnyMirror tries each mirror for d. On a timeout it moves on to the
// next mirror, whose iteration makes a new channel: nothing will ever
// receive from the old one.
func fetchAnyMirror(mirrors []string, d time.Duration) (string, bool) {
	for _, m := range mirrors {
		body := make(chan string)
		go func() {
			body <- downloadMirror(m) // want `goroutine blocks forever sending on body: if the select takes <-time\.After\(d\), nothing receives from body`
		}()
		select {
		case b := <-body:
			return b, true
		case <-time.After(d):
		}
	}
	return "", false
}

// CasePerIterationChannel gives every mirror far too little time.
func CasePerIterationChannel() {
	_, _ = fetchAnyMirror([]string{"eu", "us"}, time.Millisecond)
}
