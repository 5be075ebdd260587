package goroutineexit

import "time"

func probeMirror(url string) string {
	time.Sleep(time.Millisecond)
	return url
}

// fastestMirror asks every mirror and keeps the first answer: all the
// other prober goroutines block forever on the unbuffered channel.
func fastestMirror(mirrors []string) string {
	answers := make(chan string)
	for _, m := range mirrors {
		go func() {
			answers <- probeMirror(m) // want `goroutines started in a loop block forever sending on answers: at most 1 value is received`
		}()
	}
	return <-answers
}

// CaseFirstResultSlice probes three mirrors.
func CaseFirstResultSlice() {
	_ = fastestMirror([]string{"eu.mirror", "us.mirror", "ap.mirror"})
}
