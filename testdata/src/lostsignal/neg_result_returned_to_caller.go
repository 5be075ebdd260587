package lostsignal

// resolveHost resolves host in a goroutine.
func resolveHost(host string) <-chan string {
	out := make(chan string)
	go func() {
		out <- host + ".internal"
	}()
	return out
}

// resolveAll hands the channels to its own caller, who owns them from then
// on.
func resolveAll(hosts []string) []<-chan string {
	var chans []<-chan string
	for _, h := range hosts {
		chans = append(chans, resolveHost(h))
	}
	return chans
}

// CaseResultReturnedToCaller receives every result through the slice.
func CaseResultReturnedToCaller() {
	for _, ch := range resolveAll([]string{"db", "cache"}) {
		<-ch
	}
}
